// Stands in for the `server-only` marker package in tests, which run outside Next's
// react-server environment (where `server-only` would throw by design).
export {};
