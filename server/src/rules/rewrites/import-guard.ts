/**
 * v1 code that depends on an azureml import guarded by a try (`try: from azureml.core import Run`
 * `except ImportError: print("install the SDK")`) is not rewritten, in any area (v1-fixes.ts): a
 * rewrite's own imports (mlflow, azure.ai.ml) go to the top of the module, outside that guard, so a
 * missing package would no longer reach the handler.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { definingCall } from '../fixes';
import type { RuleContext } from '../rule';
import { same } from './common';

/** The try has a handler a failed import reaches: bare `except:`, Exception, BaseException, ImportError, ModuleNotFoundError. */
function catchesImportError(t: SyntaxNode): boolean {
  return t.namedChildren.filter((c) => c.type === 'except_clause').some((clause) => {
    const caught = clause.namedChildren.find((c) => c.type !== 'block');
    const type = caught?.type === 'as_pattern' ? caught.namedChildren[0] : caught;
    const names = !type ? [] : type.type === 'tuple' || type.type === 'parenthesized_expression' ? type.namedChildren : [type];
    return !type || names.some((n) => ['Exception', 'BaseException', 'ImportError', 'ModuleNotFoundError'].includes(n.text));
  });
}

/** The try statements whose body holds `node` and whose handlers catch a failed import. */
function importGuards(node: SyntaxNode): SyntaxNode[] {
  const guards: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const t = n.parent;
    if (t.type === 'try_statement' && same(t.childForFieldName('body') ?? undefined, n) && catchesImportError(t)) guards.push(t);
  }
  return guards;
}

/**
 * The v1 code at `node` depends on an azureml import guarded by a try (`try: from azureml.core import Run`
 * `except: print("install the SDK")`): the rewrite's own imports (mlflow, azure.ai.ml) go to the top of
 * the module, outside that guard, so a missing package would no longer reach the handler. True when
 * `node` sits in such a try body next to an azureml import, or the name it starts from (or the call
 * that name was assigned from) is imported under one.
 */
export function importGuarded(ctx: RuleContext, node: SyntaxNode, depth = 0): boolean {
  const azuremlImport = (x: SyntaxNode) =>
    [...x.descendantsOfType('import_statement'), ...x.descendantsOfType('import_from_statement')].some((i) => /^\s*(from|import)\s+azureml\b/.test(i.text));
  if (importGuards(node).some((t) => azuremlImport(t.childForFieldName('body')!))) return true;
  let root = node;
  while (root.type === 'attribute' || root.type === 'call') root = (root.type === 'attribute' ? root.childForFieldName('object') : root.childForFieldName('function')) ?? root;
  if (root.type !== 'identifier' || depth > 2) return false;
  const b = ctx.model.resolveName(root.text, root);
  if (b?.kind === 'import') return importGuards(b.node).length > 0;
  const made = b?.kind === 'assign' ? definingCall(ctx, root) : undefined;
  return !!made && importGuarded(ctx, made, depth + 1);
}
