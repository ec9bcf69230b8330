/** A `.proto` imported by browser code: build.ts's `proto-as-json` plugin turns it into its protobufjs JSON descriptor. */
declare module '*.proto' {
  const descriptor: { nested: Record<string, unknown> };
  export default descriptor;
}
