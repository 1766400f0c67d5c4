// ESLint rule `ferry/server-only`: a lib/ file that touches the database, Redis or the environment
// starts with `import 'server-only'`, so a client component that imports it fails the build instead
// of shipping a connection string or a query to the browser.
//
// "Touches" means a runtime import (not `import type`) of the database client or schema, the
// request's database handle, Redis, the validated environment, a driver or Drizzle's query builders,
// or a read of `process.env`. Files that only pass a `db` they were given along still import one of
// these to build their queries.

const touching = [
  /^@\/db\/(client|schema)(\/|$)/,
  /^@\/lib\/db$/,
  /^@\/lib\/redis$/,
  /^@\/lib\/env$/,
  /^@upstash\/redis$/,
  /^mysql2(\/|$)/,
  /^drizzle-orm(\/|$)/,
];

const isTypeOnly = (node) =>
  node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

/** @type {import('eslint').Rule.RuleModule} */
export const serverOnlyRule = {
  meta: {
    type: 'problem',
    docs: { description: "lib/ files that touch the database, Redis or the environment import 'server-only'" },
    messages: {
      missing: "This file touches {{what}}: start it with `import 'server-only';` (docs/architecture.md, Boundaries).",
    },
    schema: [],
  },
  create(context) {
    let hasServerOnly = false;
    let first = null;
    const note = (node, what) => {
      first ??= { node, what };
    };
    const checkSource = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (source === 'server-only') hasServerOnly = true;
      else if (!isTypeOnly(node) && touching.some((pattern) => pattern.test(source))) note(node, source);
    };
    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      MemberExpression(node) {
        if (node.object.type === 'Identifier' && node.object.name === 'process' && node.property.type === 'Identifier' && node.property.name === 'env') {
          note(node, 'process.env');
        }
      },
      'Program:exit'() {
        if (!hasServerOnly && first) context.report({ node: first.node, messageId: 'missing', data: { what: first.what } });
      },
    };
  },
};
