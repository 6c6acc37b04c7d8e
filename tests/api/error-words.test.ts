// The errors built in lib/data (not domain refusals) answer in the caller's language too: a
// member that cannot be added, a refused upload, a bad cursor, an invitation that cannot be sent.
// The English stays the sentence the code throws; code, status and field names never change.
import { beforeEach, describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/projects/[projectId]/members/route";
import * as materialsRoute from "@/app/api/v1/projects/[projectId]/training-modules/[moduleId]/materials/route";
import { addMemberOp, listMembersOp, removeMemberOp } from "@/lib/contract/members";
import { addTrainingMaterialOp } from "@/lib/contract/training";
import { inviteAccount, renewInvitation } from "@/lib/data/invitations";
import { AppError, toProblem } from "@/lib/errors";
import { wordsFor } from "@/lib/refusal-words";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { ctxFor, makeUser } from "@/lib/testing/fixtures";
import { makeReadinessWorld } from "@/lib/testing/readiness-fixtures";

type Problem = { status: number; code: string; title: string; detail: string; errors?: Record<string, string[]> };

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
});

const inLanguage = (language: string) => ({ headers: { "accept-language": language } });

describe("member errors in the caller's language", () => {
  const addIn = async (language: string, body: Record<string, string>) =>
    (
      await api.call(membersRoute.POST, addMemberOp, {
        as: world.pm,
        params: { projectId: world.project.id },
        body,
        ...inLanguage(language),
      })
    ).body as Problem;

  it("an email no account has: detail and field message", async () => {
    const body = { email: "nobody@example.test", role: "team_member" };
    const [en, es, pl] = [await addIn("en", body), await addIn("es", body), await addIn("pl", body)];
    expect(en).toMatchObject({
      status: 422,
      code: "invalid_input",
      detail: "No account has this email address.",
      errors: { email: ["No account has this email address. Ask an administrator to create it first."] },
    });
    expect(es).toMatchObject({
      status: 422,
      code: "invalid_input",
      title: "Datos no válidos",
      detail: "Ninguna cuenta tiene esta dirección de correo electrónico.",
      errors: {
        email: [
          "Ninguna cuenta tiene esta dirección de correo electrónico. Pida primero a un administrador que la cree.",
        ],
      },
    });
    expect(pl).toMatchObject({
      detail: "Żadne konto nie ma tego adresu e-mail.",
      errors: { email: ["Żadne konto nie ma tego adresu e-mail. Najpierw poproś administratora o jego utworzenie."] },
    });
  });

  it("a client account in a vendor role, answered on the field the caller used", async () => {
    const client = await makeUser(db, "client", world.org.id);
    const body = { userId: client.id, role: "team_member" };
    const [en, es, pl] = [await addIn("en", body), await addIn("es", body), await addIn("pl", body)];
    expect(en).toMatchObject({
      detail: "Client accounts can only hold client roles.",
      errors: { role: ["Client accounts can only hold client roles."] },
    });
    expect(es).toMatchObject({
      detail: "Las cuentas de cliente solo pueden tener roles del cliente.",
      errors: { role: ["Las cuentas de cliente solo pueden tener roles del cliente."] },
    });
    expect(pl.errors).toEqual({ role: ["Konta klienta mogą pełnić tylko role po stronie klienta."] });
  });

  it("the last project manager, and a cursor that is not one", async () => {
    const removeIn = async (language: string) =>
      (
        await api.call(memberRoute.DELETE, removeMemberOp, {
          as: world.pm,
          params: { projectId: world.project.id, userId: world.pm.id },
          query: { role: "project_manager" },
          ...inLanguage(language),
        })
      ).body as Problem;
    expect(await removeIn("en")).toMatchObject({
      status: 409,
      code: "last_project_manager",
      detail: "A project keeps at least one project manager.",
    });
    expect(await removeIn("es")).toMatchObject({
      code: "last_project_manager",
      title: "Rechazado por una regla del flujo de trabajo",
      detail: "Un proyecto debe conservar al menos un jefe de proyecto.",
    });
    expect((await removeIn("pl")).detail).toBe("Projekt musi mieć co najmniej jednego kierownika projektu.");

    const cursorIn = async (language: string) =>
      (
        await api.call(membersRoute.GET, listMembersOp, {
          as: world.pm,
          params: { projectId: world.project.id },
          query: { cursor: "x" },
          ...inLanguage(language),
        })
      ).body as Problem;
    expect(await cursorIn("pl")).toMatchObject({
      code: "invalid_cursor",
      detail: "Kursor jest nieprawidłowy.",
      errors: { cursor: ["Nieprawidłowy kursor: przekaż nextCursor z poprzedniej strony."] },
    });
    expect((await cursorIn("en")).errors).toEqual({
      cursor: ["Invalid cursor: pass the nextCursor of the previous page."],
    });
  });
});

describe("a 404 names the object in the caller's words", () => {
  it("a member who is not on the project", async () => {
    const removeIn = async (language: string) =>
      (
        await api.call(memberRoute.DELETE, removeMemberOp, {
          as: world.pm,
          params: { projectId: world.project.id, userId: world.admin.id },
          ...inLanguage(language),
        })
      ).body as Problem;
    expect(await removeIn("en")).toMatchObject({
      status: 404,
      code: "not_found",
      detail: "This member does not exist or is not visible to you.",
    });
    expect(await removeIn("es")).toMatchObject({
      title: "No encontrado",
      detail: "Este miembro no existe o usted no tiene acceso a él.",
    });
    expect((await removeIn("pl")).detail).toBe("Ten członek nie istnieje lub jest niedostępny.");
  });
});

describe("invitation errors in the reader's language", () => {
  /** What an invitation command throws, as the API (or a form, through guard) would say it. */
  async function refusalOf(run: () => Promise<unknown>) {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const say = async (locale: "en" | "es" | "pl") => toProblem(error, await wordsFor(locale)).body as Problem;
    return { en: await say("en"), es: await say("es"), pl: await say("pl") };
  }

  it("an email already taken", async () => {
    const said = await refusalOf(() =>
      inviteAccount(db, ctxFor(world.admin), {
        email: world.pm.email,
        name: "Twice",
        role: "staff",
        organizationId: null,
      }),
    );
    expect(said.en).toMatchObject({
      code: "email_taken",
      detail: "An account with this email already exists.",
      errors: { email: ["An account with this email already exists."] },
    });
    expect(said.es).toMatchObject({
      code: "email_taken",
      detail: "Ya existe una cuenta con este correo electrónico.",
      errors: { email: ["Ya existe una cuenta con este correo electrónico."] },
    });
    expect(said.pl.errors).toEqual({ email: ["Konto z tym adresem e-mail już istnieje."] });
  });

  it("a renewed invitation for an account that already has its password names the person", async () => {
    const said = await refusalOf(() => renewInvitation(db, ctxFor(world.admin), world.pm.id));
    const name = world.pm.name;
    expect(said.en).toMatchObject({
      status: 409,
      code: "account_active",
      detail: `${name} has already chosen a password. Send a reset link instead.`,
    });
    expect(said.es.detail).toBe(
      `${name} ya ha elegido una contraseña. Envíe en su lugar un enlace para restablecerla.`,
    );
    expect(said.pl.detail).toBe(
      `${name}: hasło zostało już ustawione. Zamiast tego wyślij link do zresetowania hasła.`,
    );
  });

  it("an administrators-only command refused to someone else", async () => {
    const said = await refusalOf(() => renewInvitation(db, ctxFor(world.pm), world.pm.id));
    expect(said.en).toMatchObject({
      status: 403,
      detail: "Only administrators can invite people or reset passwords.",
    });
    expect(said.es).toMatchObject({
      title: "No permitido",
      detail: "Solo los administradores pueden invitar a personas o restablecer contraseñas.",
    });
    expect(said.pl.detail).toBe("Tylko administratorzy mogą zapraszać osoby lub resetować hasła.");
  });
});

describe("upload errors in the caller's language", () => {
  it("a file type that is not accepted: 415, detail and field message", async () => {
    // A second world on the same database: a project with a training module to upload to.
    const readiness = await makeReadinessWorld(db);
    const uploadIn = async (language: string) => {
      const form = new FormData();
      form.set("file", new File(["MZ"], "tool.exe", { type: "application/octet-stream" }));
      return (
        await api.call(materialsRoute.POST, addTrainingMaterialOp, {
          as: readiness.pm,
          params: { projectId: readiness.project.id, moduleId: readiness.usage.id },
          body: form,
          ...inLanguage(language),
        })
      ).body as Problem;
    };
    const [en, es, pl] = [await uploadIn("en"), await uploadIn("es"), await uploadIn("pl")];
    expect(en).toMatchObject({ status: 415, code: "upload_type_not_allowed" });
    expect(en.detail).toMatch(/^Files of type “\.exe” are not accepted\. Allowed: pdf, png, /);
    const allowed = en.detail.replace(/^.*Allowed: /, "");
    expect(es).toMatchObject({
      status: 415,
      code: "upload_type_not_allowed",
      title: "Tipo de archivo no admitido",
      detail: `No se admiten archivos de tipo «.exe». Tipos permitidos: ${allowed}`,
      errors: { file: [`No se admiten archivos de tipo «.exe». Tipos permitidos: ${allowed}`] },
    });
    expect(pl).toMatchObject({
      title: "Nieobsługiwany typ pliku",
      detail: `Pliki typu „.exe” nie są akceptowane. Dozwolone: ${allowed}`,
    });
  });
});
