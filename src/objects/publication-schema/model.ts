/** A schema whose tables a publication publishes (`FOR TABLES IN SCHEMA`, PostgreSQL 15+). */
export interface PublicationSchemaObject {
  readonly kind: 'publication-schema';
  readonly publication: string;
  readonly schema: string;
}
