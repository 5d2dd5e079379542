// Lets this bench import Tradepost's server modules outside Next: "server-only" resolves to an
// empty module (Next does the same for server code). Loaded with `tsx --import`.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
