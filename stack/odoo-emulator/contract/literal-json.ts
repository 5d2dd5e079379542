// Parses JSON keeping each number's literal text ("100.0" stays distinct from "100"), so
// that Odoo's floats can be compared with the fixtures exactly.
export type TLiteral = string | boolean | null | { $number: string } | TLiteral[] | { [key: string]: TLiteral };

export function parseLiteralJson(text: string): TLiteral {
  let at = 0;
  const space = () => {
    while (/\s/.test(text[at] ?? "")) at += 1;
  };
  const value = (): TLiteral => {
    space();
    const char = text[at];
    if (char === "{") {
      at += 1;
      const object: Record<string, TLiteral> = {};
      space();
      if (text[at] === "}") return ((at += 1), object);
      for (;;) {
        space();
        const key = value() as string;
        space();
        at += 1; // ':'
        object[key] = value();
        space();
        if (text[at++] === "}") return object;
      }
    }
    if (char === "[") {
      at += 1;
      const list: TLiteral[] = [];
      space();
      if (text[at] === "]") return ((at += 1), list);
      for (;;) {
        list.push(value());
        space();
        if (text[at++] === "]") return list;
      }
    }
    if (char === '"') {
      const start = at;
      at += 1;
      while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
      at += 1;

      return JSON.parse(text.slice(start, at)) as string;
    }
    for (const [literal, result] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(literal, at)) return ((at += literal.length), result);
    }
    const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(at))![0];
    at += number.length;

    return { $number: number };
  };

  return value();
}
