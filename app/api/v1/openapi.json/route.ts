import { openApiDocument } from "@/lib/contract/document";

export function GET() {
  return Response.json(openApiDocument());
}
