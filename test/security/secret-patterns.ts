// What a secret looks like: known token formats, private keys, credentials in URLs, and long
// high-entropy values assigned to a secret-sounding name. Used on the repository and on the build.

export type TFinding = { file: string; line: number; kind: string; excerpt: string };

const PATTERNS: [string, RegExp][] = [
  ["private key", /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/],
  ["AWS access key", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/],
  ["Slack token", /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ["Stripe live key", /\b[sr]k_live_[A-Za-z0-9]{16,}/],
  ["Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["npm token", /\bnpm_[A-Za-z0-9]{36}\b/],
  ["OpenAI/Anthropic key", /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}/],
  ["Medusa secret API key", /\bsk_[0-9a-f]{40,}\b/],
  ["JSON web token", /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ["password in a URL", /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`]+:[^\s@/"'`$]{8,}@/i],
];

const ASSIGNMENT =
  /(?:secret|token|passw(?:or)?d|api[_-]?key|private[_-]?key|client[_-]?secret)["'`]?\s*[:=]\s*["'`]([A-Za-z0-9+/=_\-.]{24,})["'`]/gi;

/** Bits per character of `value` (random hex ≈ 4, random base64 ≈ 6, words ≈ 3–3.5). */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);

  return [...counts.values()].reduce((sum, count) => {
    const p = count / value.length;
    return sum - p * Math.log2(p);
  }, 0);
}

/**
 * Share of `value` that reads like words or counting ("integration-tests-secret", "0123456789",
 * "abcdef"): a made-up test value is mostly readable, a generated secret hardly at all.
 */
export function readableShare(value: string): number {
  let readable = 0;
  for (const match of value.matchAll(/[A-Za-z][a-z]{2,}/g)) if (/[aeiouy]/i.test(match[0])) readable += match[0].length;
  let run = 1;
  for (let index = 1; index <= value.length; index += 1) {
    if (index < value.length && value.charCodeAt(index) === value.charCodeAt(index - 1) + 1) run += 1;
    else {
      if (run >= 4) readable += run;
      run = 1;
    }
  }

  return Math.min(1, readable / value.length);
}

/** Findings in one file's text. */
export function findSecrets(file: string, text: string): TFinding[] {
  const findings: TFinding[] = [];
  const lines = text.split("\n");
  lines.forEach((content, index) => {
    if (content.length > 5_000) content = content.slice(0, 5_000);
    for (const [kind, pattern] of PATTERNS) {
      const match = pattern.exec(content);
      if (match) findings.push({ file, line: index + 1, kind, excerpt: match[0].slice(0, 24) });
    }
    for (const match of content.matchAll(ASSIGNMENT)) {
      const value = match[1]!;
      // Random hex has ~4 bits per character, base64 ~6; a readable made-up value is spared.
      if (entropy(value) >= 3.5 && readableShare(value) < 0.5) {
        findings.push({ file, line: index + 1, kind: "high-entropy secret assignment", excerpt: value.slice(0, 6) });
      }
    }
  });

  return findings;
}
