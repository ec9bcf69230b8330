// The few UnityEngine types the package's sample scene script (Samples~/Arena/ArenaClient.cs) uses, so the test can
// compile the sample with mcs outside Unity. Signatures follow UnityEngine's; nothing here runs.
using System;

namespace UnityEngine
{
    public class Object { }
    public class Component : Object { }
    public class Behaviour : Component { }
    public class MonoBehaviour : Behaviour { }

    [AttributeUsage(AttributeTargets.Field)]
    public sealed class SerializeField : Attribute { }

    public struct Vector2
    {
        public float x, y;
        public Vector2(float x, float y) { this.x = x; this.y = y; }
        public override string ToString() { return "(" + x + ", " + y + ")"; }
    }

    public struct Rect
    {
        public Rect(float x, float y, float width, float height) { }
    }

    public enum KeyCode { UpArrow = 273, DownArrow = 274, RightArrow = 275, LeftArrow = 276 }

    public static class Input
    {
        public static bool GetKey(KeyCode key) { return false; }
    }

    public static class GUI
    {
        public static void Label(Rect position, string text) { }
    }

    public static class Debug
    {
        public static void Log(object message) { }
        public static void LogWarning(object message) { }
    }
}
