/**
 * Resolvers for a framework. `Occupation.framework` serves the document the importer stored, already shaped like
 * the schema (src/store/framework-document.ts), so every field under `Framework` is a plain property read except
 * these two.
 */
import type { Resolvers } from '../__generated__/resolvers-types';
import { loadRequired } from '../loaders';

export const frameworkResolvers: Resolvers = {
  Framework: {
    occupation: (f, _, { loaders }) => loadRequired(loaders.occupationByCode, f.occupationCode, "framework's occupation"),
    level: (f, { key }) => f.levels.find((l) => l.key === key) ?? null,
  },
};
