// The tables lib/data queries. Until PostgreSQL lands this is the SQLite schema itself.
export * from "./schema-sqlite";
