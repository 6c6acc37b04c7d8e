// The one query-key factory for React Query (STYLE.md): mutations invalidate the keys they touch.
export const queryKeys = {
  notifications: () => ["notifications"] as const,
  unreadCount: () => ["notifications", "unread"] as const,
  project: (projectId: string) => ["project", projectId] as const,
  gates: (projectId: string) => ["project", projectId, "gates"] as const,
  gate: (projectId: string, number: number) => ["project", projectId, "gates", number] as const,
  qualityRecommendation: (answers: unknown, projectId?: string) =>
    ["quality", "recommend", projectId ?? null, answers] as const,
};
