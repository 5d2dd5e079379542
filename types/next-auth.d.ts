import "next-auth";
import "next-auth/jwt";

// Module augmentation merges into next-auth's own interfaces: only an interface can.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
  }
}
