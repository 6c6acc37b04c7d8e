// The seeded policy templates and quality scale in Spanish and Polish (issue 14 point 3): English stays
// their source (lib/domain/default-policy.ts, six-step-policy.ts, default-quality-scale.ts); these are
// the translations a fresh installation ships with, by gate number and artifact or activity key.
import type { PolicyGate } from "@/db/enums";
import type { Locale } from "@/lib/i18n/locale";

type GateTexts = { name: string; objectives: string; artifacts: Record<string, string> };
type PolicyTexts = Partial<Record<Locale, Record<number, GateTexts>>>;

/** Every template's languages: English (the source), Spanish, Polish. */
export const TEMPLATE_LANGUAGES: Locale[] = ["en", "es", "pl"];

const ES_ARTIFACTS = {
  statement_of_work: "Declaración de trabajo (SOW)",
  implementation_concept: "Concepto de implantación (objetivos, resultados, plazos, métodos, entregables)",
  governance_plan: "Plan de gobernanza (comité de revisión, comité de dirección, responsables de producto)",
  risk_register: "Registro de riesgos",
  mvp_scope: "Alcance del MVP (requisitos de configuración, interconexión y localización)",
  release_roadmap: "Hoja de ruta de versiones",
  integration_concept_diagram: "Diagrama del concepto de integración",
  macro_schedule: "Cronograma general por módulo",
  data_migration_plan: "Plan de migración de datos",
  interface_descriptions: "Descripción de las interfaces",
  training_plan: "Plan de capacitación",
  operational_deployment_plan: "Plan de despliegue operativo",
  capacity_plan: "Plan de rendimiento y capacidad",
  homologation_environment: "Entorno de homologación listo",
  test_plan: "Plan de pruebas para el estándar de calidad seleccionado",
  guardians_nominated: "Guardianes designados",
  homologation_validation_report: "Informe de validación en homologación",
  guardian_certification_record: "Registro de certificación de guardianes",
  production_validation_report: "Informe de validación en producción",
  go_live_acceptance: "Aceptación de la puesta en producción",
  migration_wave_results: "Plan y resultados de las olas de migración",
  helpdesk_handover: "Acta de traspaso a la mesa de ayuda",
  post_implementation_review: "Revisión posterior a la implantación",
  next_release_scope: "Alcance de la siguiente versión",
};

const PL_ARTIFACTS = {
  statement_of_work: "Opis zakresu prac (SOW)",
  implementation_concept: "Koncepcja wdrożenia (cele, rezultaty, harmonogram, metody, produkty)",
  governance_plan: "Plan nadzoru nad projektem (komitet przeglądowy, komitet sterujący, właściciele produktu)",
  risk_register: "Rejestr ryzyk",
  mvp_scope: "Zakres MVP (wymagania dotyczące konfiguracji, integracji i lokalizacji)",
  release_roadmap: "Mapa drogowa wydań",
  integration_concept_diagram: "Diagram koncepcji integracji",
  macro_schedule: "Harmonogram ramowy według modułów",
  data_migration_plan: "Plan migracji danych",
  interface_descriptions: "Opisy interfejsów",
  training_plan: "Plan szkoleń",
  operational_deployment_plan: "Plan wdrożenia operacyjnego",
  capacity_plan: "Plan wydajności i przepustowości",
  homologation_environment: "Gotowe środowisko homologacyjne",
  test_plan: "Plan testów dla wybranego standardu jakości",
  guardians_nominated: "Wyznaczeni opiekunowie",
  homologation_validation_report: "Raport z walidacji homologacyjnej",
  guardian_certification_record: "Rejestr certyfikacji opiekunów",
  production_validation_report: "Raport z walidacji produkcyjnej",
  go_live_acceptance: "Akceptacja uruchomienia produkcyjnego",
  migration_wave_results: "Plan i wyniki fal migracji",
  helpdesk_handover: "Protokół przekazania do helpdesku",
  post_implementation_review: "Przegląd powdrożeniowy",
  next_release_scope: "Zakres kolejnego wydania",
};

const pick = (from: Record<string, string>, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, from[k]]));

const LIGHT_GATING: PolicyTexts = {
  es: {
    7: {
      name: "Arranque del proyecto con la organización contratante",
      objectives: "Contrato y concepto de implantación acordados; responsables designados en ambas partes.",
      artifacts: pick(ES_ARTIFACTS, "statement_of_work", "implementation_concept", "governance_plan", "risk_register"),
    },
    6: {
      name: "Cierre del proyecto",
      objectives:
        "El concepto de implantación queda cerrado: alcance del MVP y hoja de ruta aprobados como línea base.",
      artifacts: pick(ES_ARTIFACTS, "mvp_scope", "release_roadmap", "integration_concept_diagram"),
    },
    5: {
      name: "Planes detallados completos",
      objectives: "Existen todos los planes necesarios para construir y desplegar.",
      artifacts: pick(
        ES_ARTIFACTS,
        "macro_schedule",
        "data_migration_plan",
        "interface_descriptions",
        "training_plan",
        "operational_deployment_plan",
        "capacity_plan",
      ),
    },
    4: {
      name: "Inicio de la validación",
      objectives: "Todo listo para validar en homologación.",
      artifacts: pick(ES_ARTIFACTS, "homologation_environment", "test_plan", "guardians_nominated"),
    },
    3: {
      name: "Inicio de la primera aplicación en oficina",
      objectives: "Validado, con la capacitación impartida y listo para el primer uso en producción.",
      artifacts: pick(
        ES_ARTIFACTS,
        "homologation_validation_report",
        "guardian_certification_record",
        "production_validation_report",
        "go_live_acceptance",
      ),
    },
    2: {
      name: "Disponibilidad general",
      objectives: "En producción para clientes nuevos; los clientes existentes, en migración.",
      artifacts: pick(ES_ARTIFACTS, "migration_wave_results", "helpdesk_handover"),
    },
    1: {
      name: "Revisión posterior a la implantación",
      objectives: "Lecciones aprendidas; alcance de la siguiente versión.",
      artifacts: pick(ES_ARTIFACTS, "post_implementation_review", "next_release_scope"),
    },
  },
  pl: {
    7: {
      name: "Rozpoczęcie projektu z organizacją zamawiającą",
      objectives: "Uzgodniona umowa i koncepcja wdrożenia; wskazani właściciele po obu stronach.",
      artifacts: pick(PL_ARTIFACTS, "statement_of_work", "implementation_concept", "governance_plan", "risk_register"),
    },
    6: {
      name: "Zamknięcie koncepcji projektu",
      objectives: "Koncepcja wdrożenia zamknięta: zakres MVP i mapa drogowa zatwierdzone jako punkt odniesienia.",
      artifacts: pick(PL_ARTIFACTS, "mvp_scope", "release_roadmap", "integration_concept_diagram"),
    },
    5: {
      name: "Szczegółowe plany gotowe",
      objectives: "Istnieją wszystkie plany potrzebne do budowy i wdrożenia.",
      artifacts: pick(
        PL_ARTIFACTS,
        "macro_schedule",
        "data_migration_plan",
        "interface_descriptions",
        "training_plan",
        "operational_deployment_plan",
        "capacity_plan",
      ),
    },
    4: {
      name: "Rozpoczęcie walidacji",
      objectives: "Gotowość do walidacji w środowisku homologacyjnym.",
      artifacts: pick(PL_ARTIFACTS, "homologation_environment", "test_plan", "guardians_nominated"),
    },
    3: {
      name: "Pierwsze zastosowanie w biurze klienta",
      objectives: "Rozwiązanie zwalidowane, użytkownicy przeszkoleni, gotowość do pierwszego użycia produkcyjnego.",
      artifacts: pick(
        PL_ARTIFACTS,
        "homologation_validation_report",
        "guardian_certification_record",
        "production_validation_report",
        "go_live_acceptance",
      ),
    },
    2: {
      name: "Dostępność ogólna",
      objectives: "Działanie produkcyjne dla nowych klientów; trwa migracja dotychczasowych klientów.",
      artifacts: pick(PL_ARTIFACTS, "migration_wave_results", "helpdesk_handover"),
    },
    1: {
      name: "Przegląd powdrożeniowy",
      objectives: "Wnioski z projektu; zakres kolejnego wydania.",
      artifacts: pick(PL_ARTIFACTS, "post_implementation_review", "next_release_scope"),
    },
  },
};

const SIX_STEP: PolicyTexts = {
  es: {
    6: {
      name: "Reunión de arranque",
      objectives:
        "Se presenta lo vendido a los equipos externos e internos del cliente (módulos, interfaces entre sistemas, " +
        "almacenamiento, inicio de sesión en dos pasos…); se designan los responsables de producto de ambas partes; " +
        "se presentan los equipos de implantación, producto y soporte del proveedor y se habilita un canal del " +
        "comité de dirección.",
      artifacts: {
        sold_solution_summary: "Resumen de la solución vendida (módulos, interfaces, opciones)",
        product_owners: "Responsables de producto de ambas partes",
        steering_committee_channel: "Comité de dirección y su canal",
      },
    },
    5: {
      name: "Presentación de la situación actual («as-is»)",
      objectives:
        "Alinear lo vendido con lo comprado: se muestra un flujo operativo completo de cada módulo contratado, se " +
        "responden las preguntas del cliente y se identifican los procedimientos que el cliente debe reescribir; " +
        "queda clara la diferencia entre SaaS y software propio.",
      artifacts: {
        module_operating_flows: "Flujo operativo de cada módulo contratado",
        questions_answers_log: "Registro de preguntas y respuestas",
        client_procedures_to_revise: "Procedimientos del cliente por revisar",
      },
    },
    4: {
      name: "Plan de trabajo",
      objectives:
        "Un cronograma general de cada fase por módulo; un cronograma detallado que el cliente sigue; comienzan " +
        "el informe general y el informe de estado semanal.",
      artifacts: {
        ...pick(ES_ARTIFACTS, "macro_schedule", "risk_register"),
        detailed_schedule: "Cronograma detallado",
        first_weekly_status_report: "Primer informe de estado semanal",
      },
    },
    3: {
      name: "Validación en homologación",
      objectives:
        "El cliente valida en homologación todo el flujo modelado; tras el «OK» del cliente se capacita a los " +
        "guardianes (presencialmente en las sedes del cliente o a distancia con contenido adaptado); solo los " +
        "guardianes pueden llamar al proveedor ante un problema real de la plataforma.",
      artifacts: {
        homologation_validation_report: "Informe de validación en homologación con el OK del cliente",
        guardians_nominated: "Guardianes designados por sede",
        training_plan: ES_ARTIFACTS.training_plan,
      },
    },
    2: {
      name: "Validación en producción",
      objectives:
        "Producción preparada y las interfaces con otros sistemas conectadas; el cliente vuelve a ejecutar el " +
        "flujo completo en producción.",
      artifacts: {
        production_environment_ready: "Entorno de producción e interfaces listos",
        production_validation_report: ES_ARTIFACTS.production_validation_report,
      },
    },
    1: {
      name: "Puesta en producción",
      objectives:
        "El cliente envía la aceptación de la puesta en producción; una reunión de traspaso pasa al cliente a la " +
        "mesa de ayuda y cierra la participación del equipo de implantación.",
      artifacts: pick(ES_ARTIFACTS, "go_live_acceptance", "helpdesk_handover"),
    },
  },
  pl: {
    6: {
      name: "Spotkanie otwierające",
      objectives:
        "Sprzedane rozwiązanie zostaje przedstawione zewnętrznym i wewnętrznym zespołom klienta (moduły, " +
        "interfejsy między systemami, przechowywanie danych, logowanie dwuskładnikowe…); wskazani właściciele " +
        "produktu po obu stronach; przedstawione zespoły wdrożeniowy, produktowy i wsparcia dostawcy; " +
        "uruchomiony kanał komitetu sterującego.",
      artifacts: {
        sold_solution_summary: "Podsumowanie sprzedanego rozwiązania (moduły, interfejsy, opcje)",
        product_owners: "Właściciele produktu po obu stronach",
        steering_committee_channel: "Komitet sterujący i jego kanał komunikacji",
      },
    },
    5: {
      name: "Prezentacja stanu obecnego („as-is”)",
      objectives:
        "Uzgodnienie tego, co sprzedano, z tym, co kupiono: pokazanie pełnego przepływu operacyjnego każdego " +
        "zakontraktowanego modułu, odpowiedzi na pytania klienta, wskazanie procedur, które klient musi " +
        "przepisać; wyjaśnienie różnicy między SaaS a oprogramowaniem własnym.",
      artifacts: {
        module_operating_flows: "Przepływ operacyjny każdego zakontraktowanego modułu",
        questions_answers_log: "Rejestr pytań i odpowiedzi",
        client_procedures_to_revise: "Procedury klienta do przeglądu",
      },
    },
    4: {
      name: "Plan prac",
      objectives:
        "Harmonogram ramowy każdej fazy według modułów; szczegółowy harmonogram, którym kieruje się klient; " +
        "start raportu ramowego i cotygodniowego raportu statusu.",
      artifacts: {
        ...pick(PL_ARTIFACTS, "macro_schedule", "risk_register"),
        detailed_schedule: "Harmonogram szczegółowy",
        first_weekly_status_report: "Pierwszy cotygodniowy raport statusu",
      },
    },
    3: {
      name: "Walidacja homologacyjna",
      objectives:
        "Klient waliduje cały zamodelowany przepływ w środowisku homologacyjnym; po „OK” klienta szkoleni są " +
        "opiekunowie (na miejscu w jednostkach klienta lub zdalnie, z dostosowanymi materiałami); tylko " +
        "opiekunowie mogą zgłaszać dostawcy rzeczywiste problemy z platformą.",
      artifacts: {
        homologation_validation_report: "Raport z walidacji homologacyjnej z akceptacją klienta",
        guardians_nominated: "Opiekunowie wyznaczeni dla każdej lokalizacji",
        training_plan: PL_ARTIFACTS.training_plan,
      },
    },
    2: {
      name: "Walidacja produkcyjna",
      objectives:
        "Środowisko produkcyjne przygotowane, interfejsy z innymi systemami podłączone; klient ponownie " +
        "przechodzi pełny przepływ na produkcji.",
      artifacts: {
        production_environment_ready: "Gotowe środowisko produkcyjne i interfejsy",
        production_validation_report: PL_ARTIFACTS.production_validation_report,
      },
    },
    1: {
      name: "Uruchomienie produkcyjne",
      objectives:
        "Klient przesyła akceptację uruchomienia produkcyjnego; spotkanie przekazania przekazuje klienta do " +
        "helpdesku i kończy udział zespołu wdrożeniowego.",
      artifacts: pick(PL_ARTIFACTS, "go_live_acceptance", "helpdesk_handover"),
    },
  },
};

/** The gates of a template with their Spanish and Polish texts attached. */
function translated(gates: PolicyGate[], texts: PolicyTexts): PolicyGate[] {
  const languages = Object.keys(texts) as Locale[];
  return gates.map((gate) => ({
    ...gate,
    translations: Object.fromEntries(
      languages.map((l) => [l, { name: texts[l]![gate.number].name, objectives: texts[l]![gate.number].objectives }]),
    ),
    artifactTypes: gate.artifactTypes.map((a) => ({
      ...a,
      translations: Object.fromEntries(languages.map((l) => [l, { title: texts[l]![gate.number].artifacts[a.key] }])),
    })),
  }));
}

export const translatedLightGating = (gates: PolicyGate[]) => translated(gates, LIGHT_GATING);
export const translatedSixStep = (gates: PolicyGate[]) => translated(gates, SIX_STEP);

/** The quality scale's levels (by level) and activities (by key) in Spanish and Polish. */
export const QUALITY_SCALE_TRANSLATIONS: Partial<
  Record<Locale, { levels: Record<string, { name: string; purpose: string }>; activities: Record<string, string> }>
> = {
  es: {
    levels: {
      QS0: { name: "Ajuste de configuración", purpose: "Cambio de parámetros o de configuración, sin código." },
      QS1: { name: "Cambio menor", purpose: "Un cambio pequeño en un solo ámbito." },
      QS2: { name: "Versión estándar", purpose: "Un incremento normal de sprint." },
      QS3: { name: "Versión mayor", purpose: "Lógica de tarificación y cobro, interfaces nuevas, migración de datos." },
      QS4: { name: "Nivel de puesta en producción", purpose: "Primer uso en producción, disponibilidad general." },
    },
    activities: {
      peer_review: "Revisión por pares",
      smoke_test: "Prueba de humo",
      functional_tests: "Pruebas funcionales del ámbito modificado",
      regression_suite: "Batería de pruebas de regresión",
      integration_tests: "Pruebas de integración de las interfaces afectadas",
      performance_test: "Prueba de rendimiento",
      migration_rehearsal: "Ensayo de migración con conciliación",
      security_scan: "Análisis de seguridad",
      guardian_validation_homologation: "Validación de extremo a extremo con guardianes (homologación)",
      guardian_validation_production: "Validación de extremo a extremo con guardianes (producción)",
      load_test_2x_peak: "Prueba de carga al doble del pico previsto",
      rollback_rehearsal: "Ensayo de marcha atrás",
    },
  },
  pl: {
    levels: {
      QS0: { name: "Zmiana konfiguracji", purpose: "Zmiana parametrów lub konfiguracji, bez zmian w kodzie." },
      QS1: { name: "Drobna zmiana", purpose: "Niewielka zmiana w jednym obszarze." },
      QS2: { name: "Wydanie standardowe", purpose: "Zwykły przyrost w ramach sprintu." },
      QS3: {
        name: "Duże wydanie",
        purpose: "Logika taryfikacji i naliczania opłat, nowe interfejsy, migracja danych.",
      },
      QS4: { name: "Poziom uruchomienia produkcyjnego", purpose: "Pierwsze użycie produkcyjne, dostępność ogólna." },
    },
    activities: {
      peer_review: "Przegląd wzajemny",
      smoke_test: "Testy dymne",
      functional_tests: "Testy funkcjonalne zmienionego obszaru",
      regression_suite: "Zestaw testów regresji",
      integration_tests: "Testy integracyjne zmienionych interfejsów",
      performance_test: "Test wydajności",
      migration_rehearsal: "Próbna migracja z uzgodnieniem danych",
      security_scan: "Skan bezpieczeństwa",
      guardian_validation_homologation: "Walidacja całościowa z opiekunami (homologacja)",
      guardian_validation_production: "Walidacja całościowa z opiekunami (produkcja)",
      load_test_2x_peak: "Test obciążenia przy dwukrotności przewidywanego szczytu",
      rollback_rehearsal: "Próba wycofania zmian",
    },
  },
};

/** A seeded level's translations, as its `translations` column holds them. */
export const levelTranslations = (level: string) =>
  Object.fromEntries(
    Object.entries(QUALITY_SCALE_TRANSLATIONS).flatMap(([l, t]) => (t.levels[level] ? [[l, t.levels[level]]] : [])),
  );

/** A seeded activity's translations, as its `translations` column holds them. */
export const activityTranslations = (key: string) =>
  Object.fromEntries(
    Object.entries(QUALITY_SCALE_TRANSLATIONS).flatMap(([l, t]) =>
      t.activities[key] ? [[l, { name: t.activities[key] }]] : [],
    ),
  );
