import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "e2e/.data/**",
      "test-results/**",
      "playwright-report/**",
      "db/migrations/**",
      "next-env.d.ts",
      "bench/.data/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The data layer is async (SQLite and PostgreSQL): a query or command that is not awaited
    // would run outside its transaction, or not at all. These rules need type information.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/return-await": ["error", "error-handling-correctness-only"],
    },
  },
  {
    files: ["app/**", "components/**", "db/**", "lib/**", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0] > " +
            "MemberExpression.callee[property.name=/^(get|all|run)$/]:not([object.callee.property.name='prepare'])",
          message:
            "SQLite-only synchronous terminal: await the query instead (first()/one() from @/db/client for one row).",
        },
        {
          selector: "CallExpression > MemberExpression.callee[property.name='transaction'][object.name=/^(db|tx)$/]",
          message:
            "Use transaction(db, async (tx) => …) from @/db/client: it serialises SQLite writers and works on " +
            "PostgreSQL.",
        },
      ],
    },
  },
  {
    // The rules are pure: they take plain values and return plain values, so they carry no ORM.
    // Value sets and the shapes built from them come from db/enums.ts (no dependency).
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/schema", "@/db/schema-*", "**/db/schema", "**/db/schema-*", "drizzle-orm", "drizzle-orm/*"],
              message:
                "lib/domain is pure: take value sets and their types from @/db/enums, or write the small " +
                "structural type the rule needs.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components stay presentational: pages load the data and pass it in; view types come from lib/views.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/data/*", "@/lib/data"],
              message:
                "Components are presentational: load in the page and pass props; take view types from @/lib/views.",
            },
            {
              group: ["@/db/*", "@/db"],
              message:
                "Components are presentational: no database access; value sets reach them as props or from " +
                "@/lib/views.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
