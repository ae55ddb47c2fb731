// Writes the shipped catalogue file (db/catalogue/* → db/migrations/catalogue-ngap-v<version>.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogueFileText, shippedCatalogue, shippedFileName } from '../db/catalogue-bundle.ts';
import { migrationsDir } from '../db/migrate.ts';

const file = shippedCatalogue();
const target = join(migrationsDir(), shippedFileName(file.version));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, catalogueFileText(file));
console.log(`${target} écrit (version ${file.version}, ${file.checksum}).`);
