#!/bin/sh
# Stand-in for Prisma's native schema engine, which these machines cannot download.
# `prisma generate/validate/format` never run it; anything that would must fail loudly
# (an empty file would make `prisma migrate deploy` exit 0 having applied nothing).
echo "The native Prisma schema engine is not available here; use npm run db:migrate (WebAssembly engine)." >&2
exit 1
