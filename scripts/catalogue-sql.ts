// Rewrites the generated INSERT block of db/migrations/0004-cotation-catalogue.sql from db/catalogue/*.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSql, generatedBlockOf } from '../db/catalogue-sql.ts';
import { migrationsDir } from '../db/migrate.ts';

const file = join(migrationsDir(), '0004-cotation-catalogue.sql');
const sql = readFileSync(file, 'utf8');
const block = generatedBlockOf(sql);
if (block === null) throw new Error(`${file}: generated block markers not found`);
writeFileSync(file, sql.replace(block, catalogueSql()));
console.log(`${file} mis à jour.`);
