// Just enough JSON for appmgr's answers (/login: returncode, ip, port, ticket, position, eta_s, admission): objects,
// arrays, strings with escapes, numbers, true/false/null. No engine API (JsonUtility) so Runtime/ compiles anywhere.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GameCluster.Client
{
    public static class MiniJson
    {
        /// <summary>Parses one JSON value: Dictionary&lt;string, object&gt;, List&lt;object&gt;, string, double, bool or null.</summary>
        public static object Parse(string text)
        {
            var p = new Parser(text ?? "");
            var v = p.Value(0);
            p.Ws();
            if (p.Pos != p.S.Length) throw new FormatException("trailing characters after the JSON value at " + p.Pos);
            return v;
        }

        sealed class Parser
        {
            public readonly string S;
            public int Pos;
            public Parser(string s) { S = s; }

            public void Ws()
            {
                while (Pos < S.Length && (S[Pos] == ' ' || S[Pos] == '\t' || S[Pos] == '\n' || S[Pos] == '\r')) Pos++;
            }

            char Peek()
            {
                if (Pos >= S.Length) throw new FormatException("unexpected end of JSON");
                return S[Pos];
            }

            public object Value(int depth)
            {
                if (depth > 64) throw new FormatException("JSON nested too deep");
                Ws();
                var c = Peek();
                if (c == '{') return Obj(depth);
                if (c == '[') return Arr(depth);
                if (c == '"') return Str();
                if (c == 't') return Word("true", true);
                if (c == 'f') return Word("false", false);
                if (c == 'n') return Word("null", null);
                return Num();
            }

            object Word(string w, object v)
            {
                if (string.CompareOrdinal(S, Pos, w, 0, w.Length) != 0) throw new FormatException("bad JSON literal at " + Pos);
                Pos += w.Length;
                return v;
            }

            Dictionary<string, object> Obj(int depth)
            {
                var d = new Dictionary<string, object>();
                Pos++;
                Ws();
                if (Peek() == '}') { Pos++; return d; }
                for (;;)
                {
                    Ws();
                    if (Peek() != '"') throw new FormatException("expected a key at " + Pos);
                    var k = Str();
                    Ws();
                    if (Peek() != ':') throw new FormatException("expected ':' at " + Pos);
                    Pos++;
                    d[k] = Value(depth + 1);
                    Ws();
                    var c = Peek();
                    Pos++;
                    if (c == '}') return d;
                    if (c != ',') throw new FormatException("expected ',' or '}' at " + (Pos - 1));
                }
            }

            List<object> Arr(int depth)
            {
                var l = new List<object>();
                Pos++;
                Ws();
                if (Peek() == ']') { Pos++; return l; }
                for (;;)
                {
                    l.Add(Value(depth + 1));
                    Ws();
                    var c = Peek();
                    Pos++;
                    if (c == ']') return l;
                    if (c != ',') throw new FormatException("expected ',' or ']' at " + (Pos - 1));
                }
            }

            string Str()
            {
                var sb = new StringBuilder();
                Pos++;
                for (;;)
                {
                    var c = Peek();
                    Pos++;
                    if (c == '"') return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    var e = Peek();
                    Pos++;
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (Pos + 4 > S.Length) throw new FormatException("bad \\u escape");
                            sb.Append((char)int.Parse(S.Substring(Pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            Pos += 4;
                            break;
                        default: throw new FormatException("bad escape \\" + e);
                    }
                }
            }

            object Num()
            {
                var start = Pos;
                while (Pos < S.Length && "+-0123456789.eE".IndexOf(S[Pos]) >= 0) Pos++;
                double v;
                if (Pos == start || !double.TryParse(S.Substring(start, Pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out v))
                    throw new FormatException("bad JSON value at " + start);
                return v;
            }
        }
    }
}
