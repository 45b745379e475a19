import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user: { id: string; sessionId: string; email: string; name: string };
  }
  interface User {
    id: string;
    sessionId: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sub?: string;
    sid?: string;
  }
}
