import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Everything a request can reach, read from the file system the way Next.js reads it: pages
 * (`app/**\/page.tsx`), route handlers (`app/**\/route.ts`, one surface per exported HTTP method) and
 * server actions (every export of a file that starts with 'use server' — each is callable by anyone
 * who knows its id, whether or not a form uses it).
 */
export type Surface =
  | { kind: 'page'; key: string; pattern: string; file: string }
  | { kind: 'route'; key: string; method: string; pattern: string; file: string }
  | { kind: 'action'; key: string; file: string; exportName: string };

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function listFiles(root: string, directory: string, test: (name: string) => boolean): string[] {
  const full = path.join(root, directory);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** `app/(public)/cases/[slug]/page.tsx` → `/cases/[slug]`: route groups and private folders vanish. */
export function routePatternOf(file: string): string {
  const segments = file
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  return `/${segments.join('/')}`;
}

function parse(root: string, file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    fs.readFileSync(path.join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** Names a module exports at run time (type-only exports excluded). */
export function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExported(statement) && statement.name)
      names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    }
  }
  return names;
}

function hasUseServerDirective(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use server') return true;
  }
  return false;
}

export function enumerateSurfaces(root = process.cwd()): Surface[] {
  const surfaces: Surface[] = [];
  for (const file of listFiles(root, 'app', (name) => /^page\.(tsx|ts|jsx|js)$/.test(name))) {
    const pattern = routePatternOf(file);
    surfaces.push({ kind: 'page', key: pattern, pattern, file });
  }
  for (const file of listFiles(root, 'app', (name) => /^route\.(ts|js)$/.test(name))) {
    const pattern = routePatternOf(file);
    for (const method of exportedNames(parse(root, file)).filter((name) => HTTP_METHODS.includes(name))) {
      surfaces.push({ kind: 'route', key: `${method} ${pattern}`, method, pattern, file });
    }
  }
  for (const file of [
    ...listFiles(root, 'app', (name) => /\.(ts|tsx)$/.test(name)),
    ...listFiles(root, 'lib', (name) => /\.(ts|tsx)$/.test(name)),
  ]) {
    if (file.endsWith('.test.ts')) continue;
    const source = parse(root, file);
    if (!hasUseServerDirective(source)) continue;
    for (const exportName of exportedNames(source)) surfaces.push({ kind: 'action', key: `${file}#${exportName}`, file, exportName });
  }
  return surfaces;
}
