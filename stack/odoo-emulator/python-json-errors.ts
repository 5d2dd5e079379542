// Python's json module's error message for a body JSON.parse rejects, e.g. "Expecting value:
// line 1 column 13 (char 12)": Odoo puts it in its 400 answer to an unparsable body.

class PyJsonError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(reason);
  }
}

function where(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - (before.lastIndexOf("\n") + 1) + 1;

  return `line ${line} column ${column} (char ${position})`;
}

export function pythonJsonError(text: string): string | null {
  try {
    JSON.parse(text);

    return null;
  } catch {
    try {
      const end = parseValue(text, skip(text, 0));
      const rest = skip(text, end);
      if (rest < text.length) throw new PyJsonError("Extra data", rest);

      return null;
    } catch (error) {
      if (error instanceof PyJsonError) return `${error.reason}: ${where(text, error.position)}`;
      throw error;
    }
  }
}

const skip = (text: string, at: number) => {
  while (at < text.length && " \t\n\r".includes(text[at]!)) at += 1;

  return at;
};

function parseValue(text: string, at: number): number {
  const char = text[at];
  if (char === "{") return parseObject(text, at + 1);
  if (char === "[") return parseArray(text, at + 1);
  if (char === '"') return parseString(text, at);
  for (const literal of ["true", "false", "null", "NaN", "Infinity", "-Infinity"])
    if (text.startsWith(literal, at)) return at + literal.length;
  const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(at));
  if (number) return at + number[0].length;
  throw new PyJsonError("Expecting value", at);
}

function parseString(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"') return at + 1;
    if (char === "\\") {
      if (!'"\\/bfnrtu'.includes(text[at + 1] ?? "")) throw new PyJsonError("Invalid \\escape", at);
      at += text[at + 1] === "u" ? 6 : 2;
      continue;
    }
    if (char < " ") throw new PyJsonError("Invalid control character at", at);
    at += 1;
  }
  throw new PyJsonError("Unterminated string starting at", start);
}

function parseObject(text: string, at: number): number {
  at = skip(text, at);
  if (text[at] === "}") return at + 1;
  for (;;) {
    if (text[at] !== '"') throw new PyJsonError("Expecting property name enclosed in double quotes", at);
    at = skip(text, parseString(text, at));
    if (text[at] !== ":") throw new PyJsonError("Expecting ':' delimiter", at);
    at = skip(text, parseValue(text, skip(text, at + 1)));
    if (text[at] === "}") return at + 1;
    if (text[at] !== ",") throw new PyJsonError("Expecting ',' delimiter", at);
    at = skip(text, at + 1);
  }
}

function parseArray(text: string, at: number): number {
  at = skip(text, at);
  if (text[at] === "]") return at + 1;
  for (;;) {
    at = skip(text, parseValue(text, at));
    if (text[at] === "]") return at + 1;
    if (text[at] !== ",") throw new PyJsonError("Expecting ',' delimiter", at);
    at = skip(text, at + 1);
  }
}
