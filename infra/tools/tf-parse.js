// Prints, as one JSON document on stdout, each .tf file named on the command line as HashiCorp's
// HCL parser reads it (the JSON form of HCL: expressions stay as "${...}" strings), with every
// reference that its expressions make: var.X, local.X, module.M.O, data.T.N, T.N, and the rest.
//
// A file that does not parse, or an expression that does not, is reported with its error rather
// than thrown, so the test can name every broken file at once.
"use strict";

const fs = require("fs");
const hcl = require("@cdktf/hcl2json");

async function main(files) {
  const results = await Promise.all(files.map(read));
  process.stdout.write(JSON.stringify({ files: results }));
}

async function read(file) {
  let body;
  try {
    body = await hcl.parse(file, fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { file, error: String(error.message || error) };
  }
  const expressions = [];
  visit(body, [], expressions);
  const references = [];
  const errors = [];
  // The parser answers each call after a turn of its event loop, so asking all at once is faster.
  await Promise.all(
    expressions.map(({ text, where }) => expression(file, text, where, references, errors)),
  );
  return { file, body, references, errors };
}

// Walks the JSON body; every string (or object key) holding an interpolation is an expression.
function visit(node, where, expressions) {
  if (typeof node === "string") {
    if (node.includes("${")) {
      expressions.push({ text: node, where: where.join(".") });
    }
  } else if (Array.isArray(node)) {
    for (const item of node) {
      visit(item, where, expressions);
    }
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      visit(key, where, expressions);
      visit(value, where.concat(key), expressions);
    }
  }
}

async function expression(file, text, where, references, errors) {
  // The same wrapping the package's own getReferencesInExpression uses: a template in quotes,
  // or a heredoc when the text spans lines.
  const quoted = text.startsWith('"') ? text : `"${text}"`;
  const { wrap } = hcl.wrapTerraformExpression(quoted);
  try {
    const ast = await hcl.getExpressionAst(file, wrap);
    collect(ast, new Set(), (segments, accessor) =>
      references.push({ ref: segments.join("."), accessor, where }),
    );
  } catch (error) {
    errors.push({ where, expression: text, error: String(error.message || error) });
  }
}

// A for expression's key and value symbols are not references; nor is what follows an index.
function collect(node, symbols, found) {
  if (!node) {
    return;
  }
  if (node.type === "scopeTraversal") {
    const segments = [];
    for (const part of node.meta.traversal) {
      if (part.type !== "nameTraversal") {
        break;
      }
      segments.push(part.segment);
    }
    if (segments.length > 0 && !symbols.has(segments[0])) {
      found(segments, node.meta.fullAccessor);
    }
    return;
  }
  let inner = symbols;
  if (node.type === "for") {
    inner = new Set(symbols);
    for (const symbol of [node.meta.keyVar, node.meta.valVar]) {
      if (symbol) {
        inner.add(symbol);
      }
    }
  }
  for (const child of node.children || []) {
    collect(child, inner, found);
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String(error.stack || error) + "\n");
  process.exit(1);
});
