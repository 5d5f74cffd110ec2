/**
 * The relational rows (`server/db/`) on PostgreSQL, over the same pool as the document store, so
 * sessions, users and memberships are shared by every server process.
 * @module
 */
import {
  DataTypeNode,
  Kysely,
  Migrator,
  OperationNodeTransformer,
  PostgresDialect,
  type ColumnDefinitionNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely'
import type pg from 'pg'
import { MIGRATIONS } from '../../db/migrations.ts'
import type { Database, Db } from '../../db/schema.ts'

/** Kysely over `pool`, migrated to the latest rows schema. */
export async function openPostgresRows(pool: pg.Pool): Promise<Db> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new SerialForAutoIncrement()] })
  try {
    // Kysely's migrator counts its bookkeeping tables as present when they exist in *any* schema of
    // the database; name the schema this pool works in so each deployment (and test) has its own.
    const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema')
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: rows[0]!.schema })
    const { error, results } = await migrator.migrateToLatest()
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
      throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  } catch (err) {
    await db.destroy()
    throw err
  }
  return db
}

/**
 * The rows' migrations are written once for both databases with the schema builder, whose
 * `autoIncrement()` is SQLite's (and MySQL's) keyword; PostgreSQL spells it as a serial type.
 * TODO(rows): drop this once the migrations choose the column type by dialect themselves.
 */
class SerialForAutoIncrement implements KyselyPlugin {
  private readonly transformer = new (class extends OperationNodeTransformer {
    protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
      const column = super.transformColumnDefinition(node)
      if (!column.autoIncrement) return column
      return { ...column, autoIncrement: false, dataType: DataTypeNode.create('serial') }
    }
  })()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}
