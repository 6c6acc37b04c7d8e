declare module "autocannon" {
  type Options = Record<string, unknown>;
  type Instance = PromiseLike<Record<string, unknown>> & {
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
