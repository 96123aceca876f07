/**
 * AML003 v1-object-to-v2-api: an SDK v1 object handed to an SDK v2 API, e.g. a v1
 * `MsiAuthentication()` passed to `MLClient`.
 */
import { shortName } from './v1-api';
import { sdkOf, isClass, type SemanticModel, type Value } from '../engine/semantic/model';
import type { SyntaxNode } from '../engine/syntax';
import { lookup } from '../engine/catalogue';
import type { Rule } from './rule';
import { AUTH_CLASSES } from './auth-classes';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';
const AUTH = 'https://learn.microsoft.com/azure/machine-learning/how-to-setup-authentication';

/** What to pass instead of an object of a v1 class. */
function instead(type: string): string {
  const cred = Object.prototype.hasOwnProperty.call(AUTH_CLASSES, type) ? AUTH_CLASSES[type].v2 : undefined;
  if (cred) return `: pass an \`azure.identity\` credential such as \`${cred}()\``;
  const v2 = lookup(type)?.v2?.name;
  return v2 ? `: build the SDK v2 object instead (\`${v2}\`)` : '';
}

/** The bodies' return values of a user function, without those of functions nested in it. */
function returnedValues(model: SemanticModel, def: SyntaxNode): Array<Value | undefined> {
  const out: Array<Value | undefined> = [];
  const visit = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (c.type === 'return_statement') {
        const e = c.namedChildren[0];
        if (e) out.push(model.evaluate(e));
      } else visit(c);
    }
  };
  const body = def.childForFieldName('body');
  if (body) visit(body);
  return out;
}

/**
 * An SDK v1 object made by a function of this module: the argument calls it (`get_auth()`) or
 * is a name last assigned from such a call (`auth = get_auth()`). The function's own returns
 * are evaluated (`return ServicePrincipalAuthentication(...)`, `return sp_auth`); one level only.
 */
function fromLocalFunction(model: SemanticModel, arg: SyntaxNode): { type: string; fn: string } | undefined {
  let call: SyntaxNode | undefined = arg.type === 'call' ? arg : undefined;
  if (!call && arg.type === 'identifier') {
    const b = model.resolveName(arg.text, arg);
    const assign = b?.kind === 'assign' ? b.node.parent : undefined;
    const right = assign?.type === 'assignment' && assign.childForFieldName('left')?.id === b!.node.id ? assign.childForFieldName('right') : undefined;
    if (right?.type === 'call') call = right;
  }
  const fn = call?.childForFieldName('function');
  if (!call || fn?.type !== 'identifier') return undefined;
  const def = model.resolveName(fn.text, fn);
  const defNode = def?.kind === 'def' ? def.node.parent : undefined;
  if (!defNode || defNode.type !== 'function_definition') return undefined;
  for (const v of returnedValues(model, defNode)) {
    if (v?.kind === 'instance' && sdkOf(v) === 'v1') return { type: v.type, fn: fn.text };
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    code: 'AML003',
    name: 'v1-object-to-v2-api',
    family: 'AML0',
    defaultSeverity: 'error',
    fixable: 'never',
    docs: {
      summary: 'Finds an SDK v1 object (or v1 class) passed as an argument to an SDK v2 call: a v1 credential to `MLClient`, a v1 `ScriptRunConfig` or `Environment` to `ml_client.jobs.create_or_update`, ...',
      why: 'v2 APIs do not accept v1 objects. v1 authentication classes are not `azure.identity` credentials, so `MLClient(MsiAuthentication(), ...)` fails when the client first authenticates. Plain values read from a v1 object (`ws.subscription_id`) are fine and are not reported.',
      v1Example: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\n\nml_client = MLClient(MsiAuthentication(), subscription_id, resource_group, workspace)',
      v2Example: 'from azure.identity import ManagedIdentityCredential\nfrom azure.ai.ml import MLClient\n\nml_client = MLClient(ManagedIdentityCredential(), subscription_id, resource_group, workspace)',
      fixSafety: 'No automatic fix.',
      limitations: 'Only calls whose callee resolves to `azure.ai.ml` (directly or through an `MLClient` held in a variable) are checked. An object made by a function of the same module is followed one level (`auth = get_auth()` where `get_auth` returns a v1 authentication object); objects from other modules are not.',
      references: [MIG, 'https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-workspace', AUTH],
    },
  },
  requires: 'azureml',
  check(ctx) {
    for (const call of ctx.model.calls) {
      if (sdkOf(call.callee) !== 'v2' || call.callee?.kind !== 'ref') continue;
      const api = shortName(call.callee.qname);
      const kw = (k?: string): string => (k ? ` (\`${k}=\`)` : '');
      for (const arg of call.args) {
        const v = arg.value;
        if (sdkOf(v) !== 'v1') {
          // Not known from the walk: an object a function of this module returns.
          const made = v === undefined || v.kind === 'local' ? fromLocalFunction(ctx.model, arg.node) : undefined;
          if (made) {
            ctx.report({
              node: arg.node,
              message: `An SDK v1 \`${shortName(made.type)}\` object (returned by \`${made.fn}()\`) is passed to the SDK v2 API \`${api}\`${kw(arg.keyword)}, which does not accept v1 objects${instead(made.type)}.`,
              symbol: made.type,
            });
          }
          continue;
        }
        // A v1 object, or a v1 class/function itself; not a plain attribute read from an object.
        const isObject = v?.kind === 'instance';
        const isV1Class = v?.kind === 'ref' && !v.onInstance && isClass(v.qname);
        if (!isObject && !isV1Class) continue;
        const type = v?.kind === 'instance' ? v.type : (v as { qname: string }).qname;
        const what = v?.kind === 'instance' ? `An SDK v1 \`${shortName(type)}\` object` : `The SDK v1 class \`${shortName(type)}\``;
        ctx.report({
          node: arg.node,
          message: `${what} is passed to the SDK v2 API \`${api}\`${kw(arg.keyword)}, which does not accept v1 objects${instead(type)}.`,
          symbol: type,
        });
      }
    }
  },
};

export default rule;
