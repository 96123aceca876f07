/**
 * AML002 v1-v2-name-collision: one short name bound to a v1 object and to a v2 object in the
 * same scope (`Workspace`, `Model`, `Environment`, `Datastore`, ...).
 */
import type { Binding } from '../engine/semantic/model';
import type { SyntaxNode } from '../engine/syntax';
import { sdkIn } from '../engine/semantic/model';
import type { Rule } from './rule';
import { collisionAliasFix } from './import-fixes';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

function describe(b: Binding): string {
  const q = b.value?.kind === 'ref' ? b.value.qname : b.value?.kind === 'instance' ? `${b.value.type} object` : b.name;
  return q;
}

/** The ancestors of a node, innermost first (the node itself included). */
function ancestors(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) out.push(n);
  return out;
}

/**
 * Two bindings in branches of which at most one runs: the `if`, `elif` and `else` clauses of one
 * `if` statement, the body of a `try` and one of its `except` clauses (or two `except` clauses),
 * two `case` clauses of one `match`. That is a compatibility shim choosing one SDK
 * (`try: from azure.ai.ml.entities import Model` / `except ImportError: from azureml.core import Model`),
 * not a name that switches SDK on the way: no use sees both, and aliasing one side would leave the
 * other branch's uses unbound.
 */
function exclusive(a: SyntaxNode, b: SyntaxNode): boolean {
  const up = ancestors(a);
  const inA = new Set(up.map((n) => n.id));
  let childB: SyntaxNode | undefined;
  for (const n of ancestors(b)) {
    if (inA.has(n.id)) {
      const childA = up[up.findIndex((x) => x.id === n.id) - 1];
      if (!childA || !childB || childA.id === childB.id) return false;
      const kinds = [childA.type, childB.type];
      if (n.type === 'if_statement') return kinds.some((k) => k === 'elif_clause' || k === 'else_clause');
      if (n.type === 'try_statement') return kinds.includes('except_clause') && kinds.every((k) => k === 'except_clause' || k === 'block');
      return kinds.every((k) => k === 'case_clause');
    }
    childB = n;
  }
  return false;
}

const rule: Rule = {
  meta: {
    code: 'AML002',
    name: 'v1-v2-name-collision',
    family: 'AML0',
    defaultSeverity: 'error',
    fixable: 'sometimes',
    docs: {
      summary: 'Finds a short name bound to an SDK v1 object and to an SDK v2 object in the same scope, such as `Workspace` imported from `azureml.core` and from `azure.ai.ml.entities` (also across notebook cells).',
      why: 'v1 and v2 share many class names (`Workspace`, `Model`, `Environment`, `Datastore`, `Data`, `Pipeline`, `Schedule`, `AmlCompute`, `ComputeInstance`, `BanditPolicy`, ...). After the second binding every later use means the other SDK\'s class, which fails at run time or silently builds the wrong object.',
      v1Example: 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace  # now `Workspace` is the v2 entity\n\nws = Workspace.from_config()  # AttributeError',
      v2Example: 'from azureml.core import Workspace as WorkspaceV1\nfrom azure.ai.ml.entities import Workspace',
      fixSafety: 'Safe fix when the v1 side was bound by `from ... import Name`: the import becomes `Name as NameV1` and every use that resolved to it is renamed, so each use keeps the object it had.',
      limitations: 'Only names bound by imports and assignments in one module are compared. Bindings in branches of which only one runs (`if`/`else`, `try`/`except ImportError`, `match` cases) are a shim choosing one SDK and are not reported.',
      references: [MIG],
    },
  },
  requires: 'azureml',
  check(ctx) {
    for (const scope of ctx.model.scopes) {
      for (const [name, bindings] of scope.bindings) {
        if (bindings.length < 2) continue;
        // Each binding that switches the name from one SDK to the other is a collision.
        let last: Binding | undefined;
        for (const b of bindings) {
          const sdk = b.value?.kind === 'ref' ? sdkIn(ctx.model, b.value) : 'other';
          if (sdk !== 'v1' && sdk !== 'v2') continue;
          if (last && sdkIn(ctx.model, last.value) !== sdk && !exclusive(last.node, b.node)) {
            const [v1, v2] = sdk === 'v1' ? [b, last] : [last, b];
            const fix = collisionAliasFix(ctx, v1);
            ctx.report({
              fixes: fix && [fix],
              node: b.node,
              message: `\`${name}\` is bound to SDK v1 \`${describe(v1)}\` and to SDK v2 \`${describe(v2)}\` in one scope: from here on it means the ${sdk} one. Alias one of them (e.g. \`${name}V1\`).`,
              symbol: describe(v1),
              related: [
                { node: last.node, message: `\`${name}\` first bound to ${sdkIn(ctx.model, last.value)} \`${describe(last)}\`` },
                { node: b.node, message: `\`${name}\` rebound to ${sdk} \`${describe(b)}\`` },
              ],
            });
          }
          last = b;
        }
      }
    }
  },
};

export default rule;
