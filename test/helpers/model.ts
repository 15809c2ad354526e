import type { Schema } from '../../src/model/types.js';

/**
 * The parts of a model that legitimately differ between PostgreSQL 14 and 18
 * (view text as the deparser prints it, bundled extension versions) are
 * masked so one golden file serves every version.
 */
export function versionNeutral(model: Schema): unknown {
  return {
    ...model,
    extensions: model.extensions.map((e) => ({ ...e, version: '<version>' })),
    views: model.views.map((v) => ({ ...v, definition: v.definition.replace(/\s+/g, ' ').length > 0 ? '<definition>' : '' })),
    objects: model.objects.map((o) => (o.kind === 'view' ? { ...o, definition: o.definition.length > 0 ? '<definition>' : '' } : o)),
  };
}
