import { handlers } from "@/lib/auth";
import { guardSingleSignOnRoute } from "@/lib/single-sign-on-auth";

export const GET = guardSingleSignOnRoute(handlers.GET);
export const POST = guardSingleSignOnRoute(handlers.POST);
