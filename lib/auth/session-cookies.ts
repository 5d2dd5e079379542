// The names next-auth gives its session cookie: plain over http, __Secure- prefixed over https
// (server/auth/options.ts decides which). Read by the proxy and the sign-in page, which only ask
// whether the browser holds one; its contents are checked by next-auth alone.
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;
