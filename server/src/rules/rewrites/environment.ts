/**
 * Rewrites to SDK v2 of environments (AML104), following ENV2
 * (https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2): a v1
 * environment becomes one `azure.ai.ml.entities.Environment(name=, image= | build=, conda_file=)` entity.
 *
 * A v1 environment variable is rewritten as one lifecycle, offered on each piece's finding:
 * its producer (`Environment(name)`, `Environment.from_conda_specification(name, file)`,
 * `Environment.from_pip_requirements(name, file)`, `Environment.from_docker_image(name, image[,
 * conda_specification=])`, `Environment.from_dockerfile(name, "<literal path>")` → `build=BuildContext(
 * path=<its directory>[, dockerfile_path=])` marked for review (v2 uploads the directory, v1 sent the
 * file alone), `Environment.get(ws, name)` and `ws.environments[name]`, v1's dict of latest versions,
 * → `environments.get(name=, label="latest")`), the statements that configure it
 * (`env.docker.enabled = True` goes; `env.docker.base_image = X` → `image=X`, v1's DEFAULT_GPU_IMAGE →
 * its repository at `latest`, for review; `env.python.user_managed_dependencies = True` → no conda file;
 * `env.python.conda_dependencies = <CondaDependencies>` and `env.python.conda_dependencies.add_*(...)` /
 * `.set_python_version(v)` / `.add_tensorflow_conda_package(core_type, version)` /
 * `.add_tensorflow_pip_package(...)` (v1 drops the entries starting with "tensorflow", then adds
 * `tensorflow[-gpu]=<v>` / `==<v>`; no version: v1's default "2.2.0", for review) → an inline conda dict (read back by `env.python.conda_dependencies.
 * serialize_to_string()` → `yaml.safe_dump(env.conda_file)`, also of a conda file, which v2 loads into that dict), which the v2 constructor accepts as well as a path
 * (azure-ai-ml `entities/_assets/environment.py`; only at construction: `__init__` serializes it, a
 * later `env.conda_file = ...` is not sent), the `CondaDependencies` object feeding it (`cd =
 * CondaDependencies()` / `.create(...)`, `cd.add_conda_package(...)`, ...) and `env.register(ws)` →
 * `ml_client.environments.create_or_update(env)` (both return the registered environment: a name it is
 * bound to, `r = env.register(ws)` or `env = env.register(ws)`, has its uses checked as the environment's);
 * `env.name` / `env.version` reads stay (the v2 entity has them), kept in the fix with identity edits
 * where nothing else edits them, so their findings offer it. A looked-up environment takes only
 * `docker.enabled = True` and `environment_variables` (the run's, not the registered environment's).
 * The configuration is folded into the constructor, so those statements must be in the producer's
 * block, before any other use, with values that mean the same at the producer (literals, names bound
 * alike, `"x=={}".format(...)` of such); the name must not be bound in another block.
 *
 * The conda dict states what v1 added implicitly (azureml-core `conda_dependencies.py`: the base
 * file's channels `anaconda`/`conda-forge`, `python=3.8.13` = PYTHON_DEFAULT_VERSION, pip
 * `azureml-defaults` unless `create(pip_packages=...)` replaces it). v2 needs an image where v1 had a
 * default one: the docs' image is emitted and marked `# amlint: review`, as is a `create()` whose
 * azureml-* pip packages v1 pinned to the installed SDK's version. A `CondaDependencies` of its own
 * (written with `save(path)` or `serialize_to_string()`) becomes that dict, written with PyYAML; one
 * both written out and given to an environment (after its last `add_*`) is rewritten so in the
 * environment's fix, the environment getting a copy of the dict. When that environment has no rewrite
 * (its consumer stays v1: a local deployment, environment variables on a registered environment) and the
 * file was written before it took the object, the specification is rewritten alone and the environment
 * reads the file back with v1's `CondaDependencies(path)` (savedBridge).
 * `add_conda_package` / `add_pip_package` / `add_channel` of the loop variable in a `for` over string
 * literals (or a name bound once to them and only read) fold in item by item, like the statements the loop
 * runs (the DP-100 `for package in python_packages: env.python.conda_dependencies.add_pip_package(package)`);
 * `create(pip_packages=names)` reads such a name; `cd = CondaDependencies(conda_dependencies_file_path=path)`
 * given as is → `conda_file=path` (a file cannot take `add_*` here).
 *
 * (`Environment.list` shown in a loop is deploy.ts's, beside the other listing loops.) Statement
 * deletions read the module's text (`wholeLines`, `aloneOnLines`), where node offsets point (the
 * tree's root text starts at the first token, after any blank lines opening the module).
 *
 * An environment passed to a v1 consumer (`ScriptRunConfig(environment=env)`, `InferenceConfig`,
 * `src.run_config.environment = env`) is only rewritten with that consumer: its pieces offer the
 * consumer's fix (`sameFixAs`), whose builder calls `environmentEdits`. An environment built and returned
 * by a helper `def` called once (`env = get_env()`, or `environment=get_env()`) is rewritten in the
 * helper's body, the result's uses in the caller checked as the environment's (registered, given to one
 * consumer, read); any other call's result the model cannot type is refused
 * (it may be a v1 environment). An ACI deployment whose inference config stays v1 (shared with a local
 * deployment) takes a one-expression copy (`environmentCopy`), and so does one whose environment is also
 * given to another v1 consumer (`sharedEnvironment`: a training run, which takes the environment once the
 * deployment is rewritten) or made in the inference config itself. Several v1 jobs given one environment
 * (ScriptRunConfigs, estimators, the run a HyperDrive sweep uses: the DP-100 labs' shape) are one fix:
 * `environmentEdits` adds the whole lifecycles of the other jobs (jobs.ts `sharedEnvironmentJobs`: each
 * one's configuration, submits and run uses); when one of them has no rewrite (rewriting the environment
 * would hand it a v2 one), each translatable job's `environment=` takes an `environmentCopy` instead
 * (`jobEnvironment`: the DP-100 "06 - Work with Data" lab's file-dataset job), `env` staying v1 for the
 * rest; the producer and pieces offer the first consumer's fix.
 * `Environment(name)` with `docker.base_dockerfile = "<literal path>"` (`docker.base_image = None`,
 * `docker.enabled = True` going) and `python.user_managed_dependencies = True` → the `from_dockerfile`
 * build context; without user-managed Python v1 added its conda environment, which a build context
 * cannot take: refused, as is Dockerfile text (v1 reads a path that is a file, else takes the text);
 * a name bound once, before, to a joined path (`str(prefix.joinpath("DOCKERFILE"))`, `os.path.join(...,
 * "Dockerfile")`) → `BuildContext(path=os.path.dirname(name), dockerfile_path="<file>")`.
 * `env.inferencing_stack_version = "latest"` (v1 adds its inference stack to the image) goes, the
 * environment's line marked for review, when every consumer is an `InferenceConfig` and it is not
 * registered: v2 has no such setting, a deployment's environment must carry the inference server.
 * `spark.precache_packages = True|False` goes (no Spark packages: other `spark.*` settings are refused).
 * `env.environment_variables =
 * {...}` goes to a consumer that sets them on its v2 job (jobs.ts: `command(environment_variables=)`),
 * never to a registered environment. Not rewritten: other configuration (`docker.enabled = False`,
 * `base_image_registry` (private registry credentials), `base_dockerfile` other than above, `inferencing_stack_version` elsewhere, `spark.*`,
 * `shm_size`/`arguments`/`shared_volumes` (v2 job settings: `JobResourceConfiguration(shm_size=,
 * docker_args=)`, which no consumer takes yet), ...), `save_to_file` without a file name, `from_dockerfile` with Dockerfile
 * text or a Python layer (v2 takes a build context directory; a conda file goes with an image),
 * `from_existing_conda_environment` (exports a local conda environment), `Environment.list` (a dict
 * of v1 objects), `save_to_directory`, `build`/`build_local` (v2 builds on first use), `clone`, and
 * environments handed to code we cannot see (returned from a helper called more than once, say).
 * `Environment.get`/`ws.environments[...]` of a curated `AzureML-...` name looks up the same name on
 * the workspace client: what a v2 job's `environment="AzureML-...@latest"` resolves through (azure-ai-ml
 * OperationOrchestrator._resolve_name_version_from_name_label → the workspace EnvironmentOperations;
 * the CommandJob reference example uses `environment="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu:33"`).
 * A pipeline step's run configuration that only configures its environment is rewritten by
 * pipelines.ts with `runConfigEnvironment` (the same settings, an anonymous v2 environment); the
 * `DEFAULT_CPU_IMAGE`/`DEFAULT_GPU_IMAGE` names offer the fix that replaces them.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import { bindArgs, definingCall, stringValue, type FixBuilder } from '../fixes';
import type { RuleContext } from '../rule';
import { lineIndent, endsLine, combined, knownString, onlyValue, qnameOf, same, textRange, usesOf, type Builder, type Edits, type Rewrites } from './common';
import { clientOf } from './workspace';

const ENV = 'azureml.core.Environment';
const CD = 'azureml.core.conda_dependencies.CondaDependencies';
/**
 * The base image of the ENV2 examples ("create an environment from a Docker image plus a conda file",
 * https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2); v1 used its
 * DEFAULT_CPU_IMAGE, which v2 does not apply.
 */
const DEFAULT_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
/**
 * v1's DEFAULT_GPU_IMAGE (azureml-core `environment.py`: this repository, tagged with the SDK's
 * build date), at its `latest` tag: v2 has no default image.
 */
const DEFAULT_GPU_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.3-cudnn8-ubuntu20.04:latest"';
const REVIEW = '  # amlint: review';
/** Stands for the `pathlib` module in a pip expression until the fix asks for its import. */
const PATHLIB = '\u0000pathlib';
/** Stands for the `os` module in a build context path until the fix asks for its import. */
const OS = '\u0000os';

/** A v1 conda specification built in memory: Python expressions as written. */
interface Conda {
  channels: string[];
  python: string;
  conda: string[];
  pip: string[];
  /** The whole pip list as one expression (`from_pip_requirements`): no package can be added to it here. */
  pipExpr?: string;
  /** v1 pinned azureml-* pip packages to the client SDK's version: not reproducible. */
  review: boolean;
}

/** The v1 `CondaDependencies()` base file (azureml-core `_project/base_project_files/conda_dependencies.yml`). */
const baseConda = (): Conda => ({ channels: ['"anaconda"', '"conda-forge"'], python: '"python=3.8.13"', conda: [], pip: ['"azureml-defaults"'], review: false });

interface State {
  /** Absent for a run configuration's environment (an anonymous v2 environment). */
  name?: SyntaxNode;
  image?: string;
  /** The image is not the one v1 code wrote (a v1 default's repository at `latest`). */
  imageReview?: boolean;
  /** A conda file path expression, or an in-memory specification. */
  condaFile?: string;
  conda?: Conda;
  userManaged: boolean;
  /** `from_dockerfile(name, path)`: a v2 build context, the Dockerfile's directory (`path` and `dockerfile_path` as Python literals). */
  build?: { path: string; dockerfile?: string };
}

/** What a v1 environment variable's lifecycle turns into. */
interface Plan {
  producer: SyntaxNode;
  /** What the v2 constructor gets; absent for a lookup (`Environment.get`). */
  state?: State;
  lookup?: { ws: SyntaxNode; name: SyntaxNode; version?: SyntaxNode; label?: SyntaxNode };
  /** Statements that go (folded into the constructor). */
  deletes: SyntaxNode[];
  registers: Array<{ call: SyntaxNode; ws: SyntaxNode; env: SyntaxNode }>;
  /** `env.python.conda_dependencies.serialize_to_string()` after the configuration: the v2 `conda_file` dict dumped. */
  serializes: Array<{ call: SyntaxNode; env: SyntaxNode }>;
  /** `env.name` / `env.version` reads, the same on the v2 entity: identity edits, so their findings offer the fix. */
  reads: SyntaxNode[];
  /** v1 consumers: the node whose fix must carry this one (`delegate`) and the use of the environment in it. */
  consumers: Array<{ delegate: SyntaxNode; use: SyntaxNode }>;
  /**
   * `env.environment_variables = {...}`, or `env.environment_variables["K"] = v` statements: a v2 job's
   * `environment_variables` (the dict's text, and the expressions it reads), given to the consumer.
   */
  envVars?: { text: string; parts: SyntaxNode[]; items?: string[] };
  /** The `CondaDependencies` variable given to the environment is also written out: rewritten with it. */
  standalone?: Standalone;
  /** `env.inferencing_stack_version = "latest"` went: v2 has no such setting (for review). */
  inferencing?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading the lifecycle

/** The statement a node is the whole expression of (`x = call` / `call`), if any. */
function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  let n = node;
  if (n.parent?.type === 'assignment' && same(n.parent.childForFieldName('right'), n)) n = n.parent;
  return n.parent?.type === 'expression_statement' && n.parent.namedChildren.length === 1 ? n.parent : undefined;
}

/** `x[k]` read, `x` being `use`: not stored to (`x[k] = v`, `x[k] += v`, `del x[k]`, a `for` target). */
function itemRead(use: SyntaxNode): boolean {
  const sub = use.parent;
  if (sub?.type !== 'subscript' || !same(sub.childForFieldName('value'), use)) return false;
  const up = sub.parent;
  if ((up?.type === 'assignment' || up?.type === 'augmented_assignment') && same(up.childForFieldName('left'), sub)) return false;
  if (up?.type === 'for_statement' && same(up.childForFieldName('left'), sub)) return false;
  return up?.type !== 'delete_statement' && up?.type !== 'pattern_list' && up?.type !== 'tuple_pattern';
}

/** An expression that evaluates to the same value at `site` as where it is written (no calls; names bound alike; items of a name nothing stores to in between). */
export function stableAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  switch (expr.type) {
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
    case 'string_start':
    case 'string_content':
    case 'string_end':
    case 'escape_sequence':
    case 'comment':
      return true;
    case 'identifier': {
      const a = ctx.model.resolveName(expr.text, expr);
      return !!a && a === ctx.model.resolveName(expr.text, site);
    }
    case 'attribute':
      return stableAt(ctx, expr.childForFieldName('object')!, site);
    // `auth_keys["wandb"]`: an item of a name (the same binding at both places, a key written out) that nothing
    // between the two places can change: every use of the name there is a read of an item of it (`auth_keys["x"]`,
    // not stored to, deleted, or the name handed on or called a method of). Not `os.environ[...]` (any call may set it).
    case 'subscript': {
      const key = expr.childForFieldName('subscript');
      const base = expr.childForFieldName('value');
      if (expr.namedChildren.length !== 2 || !key || (key.type !== 'string' && key.type !== 'integer') || key.descendantsOfType('interpolation').length || base?.type !== 'identifier' || !stableAt(ctx, base, site)) return false;
      const b = ctx.model.resolveName(base.text, base);
      const [from, to] = expr.startIndex < site.startIndex ? [expr.endIndex, site.startIndex] : [site.endIndex, expr.startIndex];
      return [...(ctx.model.uses.get(b!) ?? [])].every((u) => u.startIndex < from || u.startIndex >= to || itemRead(u));
    }
    case 'call': {
      // `"scikit-learn=={}".format(sklearn.__version__)`: str.format of a literal is pure.
      const fn = expr.childForFieldName('function');
      const args = expr.childForFieldName('arguments');
      const str = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? fn.childForFieldName('object') : undefined;
      return !!str && !!args && args.type === 'argument_list' && (str.type === 'string' || str.type === 'concatenated_string') && stableAt(ctx, str, site) &&
        args.namedChildren.every((a) => (a.type === 'keyword_argument' ? stableAt(ctx, a.childForFieldName('value')!, site) : a.type !== 'comment' && stableAt(ctx, a, site)));
    }
    case 'string':
    case 'concatenated_string':
    case 'interpolation':
    case 'list':
    case 'tuple':
    case 'dictionary':
    case 'pair':
    case 'parenthesized_expression':
    case 'binary_operator':
    case 'list_splat':
      return expr.namedChildren.every((c) => stableAt(ctx, c, site));
    default:
      return false;
  }
}

/**
 * Every binding of the name `target` binds in its scope is in `block` (sequential rebinding, as in
 * notebooks, is fine): a name also bound in another block (`if gpu: env = ... else: env = ...`)
 * has uses the model attributes to one binding that may see the other.
 */
function boundInBlockOnly(ctx: RuleContext, target: SyntaxNode, block: SyntaxNode): boolean {
  const blockOf = (n: SyntaxNode): SyntaxNode | null => {
    let p = n.parent;
    while (p && p.type !== 'block' && p.type !== 'module') p = p.parent;
    return p;
  };
  return (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).every((b) => same(blockOf(b.node), block));
}

/** For a use `x`: the attribute chain above it (`x.python.conda_dependencies` → its names and top node). */
function chainOf(use: SyntaxNode): { path: string[]; top: SyntaxNode } {
  const path: string[] = [];
  let top = use;
  while (top.parent?.type === 'attribute' && same(top.parent.childForFieldName('object'), top)) {
    top = top.parent;
    path.push(top.childForFieldName('attribute')?.text ?? '');
  }
  return { path, top };
}

/** The configuration path of `env.environment_variables["K"] = v` (makePlan). */
const VARIABLE_ITEM = 'environment_variables[]';

/** `env.environment_variables[key] = value` around `top` (the `env.environment_variables` attribute): key and value. */
function variableItem(top: SyntaxNode): { key: SyntaxNode; value: SyntaxNode } | undefined {
  const sub = top.parent?.type === 'subscript' && same(top.parent.childForFieldName('value'), top) ? top.parent : undefined;
  const assign = sub?.parent?.type === 'assignment' && same(sub.parent.childForFieldName('left'), sub) ? sub.parent : undefined;
  const key = sub?.childForFieldName('subscript');
  const value = assign?.childForFieldName('right');
  // (One key; `x[a] = y = v` and augmented assignments are not this.)
  return key && value && sub!.namedChildren.length === 2 && assign!.childCount === 3 ? { key, value } : undefined;
}

/**
 * One more variable, by item, for the job (v2 sets them on the job: `command(environment_variables={...})`).
 * Not after a whole dict (which the items would extend: not written as one literal here). v1's starting dict
 * (`{"EXAMPLE_ENV_VAR": "EXAMPLE_VALUE"}` for an `Environment(name)`, the registered variables of a looked-up
 * one) has no v2 counterpart: a v2 environment holds no variables, so the job gets the ones set here.
 */
function addVariable(plan: Plan, top: SyntaxNode): boolean {
  const item = variableItem(top);
  if (!item || (plan.envVars && !plan.envVars.items)) return false;
  const items = [...(plan.envVars?.items ?? []), `${item.key.text}: ${item.value.text}`];
  plan.envVars = { text: `{${items.join(', ')}}`, parts: [...(plan.envVars?.parts ?? []), item.key, item.value], items };
  return true;
}

/** A package name of a literal requirement (`"scikit-learn=0.22"` → `scikit-learn`), for v1's replace-on-add. */
function packageName(expr: string): string | undefined {
  const m = /^["']([A-Za-z0-9_.\-[\]]+?)\s*(?:[=<>!~].*)?["']$/.exec(expr);
  return m?.[1].toLowerCase();
}

/** The text of a plain string literal (`"tensorflow=2.2.0"` → `tensorflow=2.2.0`), else undefined. */
function literalOf(expr: string): string | undefined {
  return /^(["'])([^"'\\{}]*)\1$/.exec(expr)?.[2];
}

/** `add_conda_package`: v1 appends unless the same string is already there (azureml-core `add_conda_package`). */
function addConda(list: string[], pkg: string): void {
  const v = literalOf(pkg);
  if (!list.some((p) => p === pkg || (v !== undefined && literalOf(p) === v))) list.push(pkg);
}

/** `add_pip_package`: v1 drops an earlier entry of the same package, then appends. */
function addPackage(list: string[], pkg: string): void {
  const name = packageName(pkg);
  if (name !== undefined) {
    const i = list.findIndex((p) => packageName(p) === name);
    if (i >= 0) list.splice(i, 1);
  }
  list.push(pkg);
}

/**
 * A loop that only adds packages: `for p in <list or tuple literal, or a name bound once to one>:`
 * whose body is `x.<...>.add_conda_package(p)` / `add_pip_package(p)` / `add_channel(p)` statements
 * (the DP-100 `for package in python_packages: env.python.conda_dependencies.add_pip_package(package)`),
 * no `else`, `p` read nowhere after it. v1 runs the adds in order, item by item: the same as the
 * unrolled statements, so the loop folds into the specification like them. The calls are paired with
 * the items they get.
 */
interface AddLoop {
  loop: SyntaxNode;
  /** Each body call, for each item, in execution order. */
  steps: Array<{ call: SyntaxNode; method: string; path: string[]; item: SyntaxNode }>;
}

const LOOP_ADDS = ['add_conda_package', 'add_pip_package', 'add_channel'];

/**
 * A list or tuple literal, or the one a name is bound to once (in its scope) and only read where v1
 * copies it: iterated by `for`, printed, measured with `len`, given to `CondaDependencies.create`.
 */
function listLiteral(ctx: RuleContext, node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  if (node?.type === 'list' || node?.type === 'tuple') return node;
  if (node?.type !== 'identifier') return undefined;
  const right = onlyValue(ctx, node);
  const b = ctx.model.resolveName(node.text, node);
  if (!right) return undefined;
  const readOnly = (ctx.model.uses.get(b!) ?? []).every((u) => {
    const p = u.parent;
    if (p?.type === 'for_statement') return same(p.childForFieldName('right'), u);
    const list = p?.type === 'keyword_argument' && same(p.childForFieldName('value'), u) ? p.parent : p;
    const call = list?.type === 'argument_list' ? list.parent : undefined;
    const fn = call?.childForFieldName('function');
    if (p?.type === 'keyword_argument') return qnameOf(ctx, call ?? undefined) === `${CD}.create`;
    return fn?.type === 'identifier' && ['print', 'len'].includes(fn.text) && !ctx.model.resolveName(fn.text, fn);
  });
  return readOnly && (right.type === 'list' || right.type === 'tuple') ? right : undefined;
}

/** The `AddLoop` a call statement's enclosing `for` is, when `root` (the object added to) is every call's root; else undefined. */
function addLoopOf(ctx: RuleContext, stmt: SyntaxNode, root: string): AddLoop | undefined {
  const loop = stmt.parent?.type === 'block' ? stmt.parent.parent : undefined;
  const left = loop?.type === 'for_statement' ? loop.childForFieldName('left') : undefined;
  if (!loop || left?.type !== 'identifier' || loop.childForFieldName('alternative') || loop.text.startsWith('async')) return undefined;
  const list = listLiteral(ctx, loop.childForFieldName('right'));
  const items = list?.namedChildren.filter((c) => c.type !== 'comment');
  if (!items || items.some((i) => i.type !== 'string' || i.descendantsOfType('interpolation').length)) return undefined;
  // The loop variable: read only by the adds (it stays bound after a loop in Python).
  const uses = usesOf(ctx, left);
  if (uses.some((u) => u.startIndex < loop.startIndex || u.endIndex > loop.endIndex)) return undefined;
  const body = loop.childForFieldName('body');
  const calls: Array<{ call: SyntaxNode; method: string; path: string[] }> = [];
  for (const s of body?.namedChildren ?? []) {
    if (s.type === 'comment') continue;
    const call = s.type === 'expression_statement' && s.namedChildren.length === 1 ? s.namedChildren[0] : undefined;
    const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    const path: string[] = [];
    let r = fn;
    while (r?.type === 'attribute') {
      path.unshift(r.childForFieldName('attribute')?.text ?? '');
      r = r.childForFieldName('object');
    }
    const arg = call?.childForFieldName('arguments')?.namedChildren;
    if (!call || r?.type !== 'identifier' || r.text !== root || !LOOP_ADDS.includes(path[path.length - 1]) || arg?.length !== 1 || arg[0].type !== 'identifier' || arg[0].text !== left.text) return undefined;
    calls.push({ call, method: path[path.length - 1], path });
  }
  // Every use of the loop variable is one of those arguments.
  if (!calls.length || uses.length !== calls.length) return undefined;
  return { loop, steps: items.flatMap((item) => calls.map((c) => ({ ...c, item }))) };
}

/** Applies `cd.add_*(x)` (a call statement) to a specification; false when it cannot be. `item`: the loop item the argument stands for. */
function applyMutation(ctx: RuleContext, conda: Conda, method: string, call: SyntaxNode, site: SyntaxNode, item?: SyntaxNode): boolean {
  const params: Record<string, string> = { add_conda_package: 'conda_package', add_pip_package: 'pip_package', add_channel: 'channel', set_python_version: 'version' };
  if (method === 'add_tensorflow_conda_package' || method === 'add_tensorflow_pip_package') return !item && applyTensorflow(conda, method, call);
  const param = params[method];
  const bound = param ? bindArgs(call, [param], [param])?.get(param) : undefined;
  const arg = item && bound ? item : bound;
  if (!arg || !stableAt(ctx, arg, site)) return false;
  if (method === 'set_python_version') {
    // azureml-core: the python entry becomes "python=<version>".
    const v = stringValue(arg);
    if (v === undefined || !/^[\w.*]+$/.test(v)) return false;
    conda.python = `"python=${v}"`;
  } else if (method === 'add_conda_package' && packageName(arg.text) === 'python') conda.python = arg.text;
  else if (method === 'add_channel') {
    if (!conda.channels.includes(arg.text)) conda.channels.push(arg.text);
  } else if (method === 'add_pip_package') {
    if (conda.pipExpr) return false;
    addPackage(conda.pip, arg.text);
  } else addConda(conda.conda, arg.text);
  return true;
}

/**
 * `add_tensorflow_conda_package(core_type="cpu", version=None)` / `add_tensorflow_pip_package(...)`
 * (azureml-core conda_dependencies.py): drops the entries starting with "tensorflow", then adds
 * `tensorflow[-gpu]=<version>` (conda) / `==<version>` (pip); without a version v1 uses its
 * TENSORFLOW_DEFAULT_VERSION, "2.2.0" in the azureml-core whose default Python is 3.8.13, but it changed
 * across SDK releases: for review. A core type other than a "cpu"/"gpu" literal, or an entry that is
 * not a literal (it may start with "tensorflow"), is not rewritten.
 */
function applyTensorflow(conda: Conda, method: string, call: SyntaxNode): boolean {
  const args = bindArgs(call, ['core_type', 'version'], ['core_type', 'version']);
  if (!args) return false;
  const core = args.get('core_type');
  const type = core ? stringValue(core) : 'cpu';
  if (type !== 'cpu' && type !== 'gpu') return false;
  const version = args.get('version');
  const v = version && version.type !== 'none' ? stringValue(version) : '';
  if (v === undefined || !/^[\w.*]*$/.test(v)) return false;
  const pip = method === 'add_tensorflow_pip_package';
  if (pip && conda.pipExpr) return false;
  const list = pip ? conda.pip : conda.conda;
  const values = list.map(literalOf);
  if (values.some((x) => x === undefined)) return false;
  const kept = list.filter((_, i) => !values[i]!.startsWith('tensorflow'));
  list.splice(0, list.length, ...kept);
  const pkg = `"tensorflow${type === 'gpu' ? '-gpu' : ''}${pip ? '==' : '='}${v || '2.2.0'}"`;
  if (pip) addPackage(list, pkg);
  else addConda(list, pkg);
  if (!v) conda.review = true;
  return true;
}

/** `CondaDependencies.create(...)` as a specification (azureml-core `CondaDependencies.create`). */
function created(ctx: RuleContext, call: SyntaxNode, site: SyntaxNode): Conda | undefined {
  const args = bindArgs(call, ['pip_indexurl', 'pip_packages', 'conda_packages', 'python_version', 'pin_sdk_version'], ['pip_packages', 'conda_packages', 'python_version', 'pin_sdk_version']);
  if (!args) return undefined;
  const conda = baseConda();
  const version = args.get('python_version');
  if (version) {
    const v = stringValue(version);
    if (v === undefined || !/^[\w.*]+$/.test(v)) return undefined;
    conda.python = `"python=${v}"`;
  }
  const pin = args.get('pin_sdk_version');
  if (pin && pin.type !== 'true' && pin.type !== 'false') return undefined;
  const list = (key: string): string[] | undefined => {
    // A literal, or a name bound to one (`pip_packages=packages`), read where the v1 call read it.
    const given = args.get(key);
    if (!given) return [];
    const node = listLiteral(ctx, given);
    if (!node || !stableAt(ctx, node, site) || (given.type === 'identifier' && !stableAt(ctx, given, site))) return undefined;
    return node.namedChildren.filter((c) => c.type !== 'comment').map((c) => c.text);
  };
  const pip = args.has('pip_packages') ? list('pip_packages') : ['"azureml-defaults"'];
  const packages = list('conda_packages');
  if (!pip || !packages || pip.some((p) => p.startsWith('*')) || packages.some((p) => p.startsWith('*'))) return undefined;
  conda.pip = [];
  for (const p of pip) addPackage(conda.pip, p);
  for (const p of packages) addConda(conda.conda, p);
  // v1 pins SDK packages (azureml-*) to the installed SDK's version unless pin_sdk_version=False.
  if (pin?.type !== 'false' && conda.pip.some((p) => !/^["']/.test(p) || /^["']azureml/i.test(p))) conda.review = true;
  return conda;
}

/**
 * The specification a `CondaDependencies` expression holds: an inline `CondaDependencies()` /
 * `.create(...)`, or a variable made by one whose every other use is an `add_*` statement in
 * `block` before `limit`; those statements go to `deletes`.
 */
function condaOf(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode, block: SyntaxNode, limit: number, deletes: SyntaxNode[], extra?: { standalone?: Standalone }): Conda | { file: string } | undefined {
  const made = expr.type === 'call' ? expr : expr.type === 'identifier' ? definingCall(ctx, expr) : undefined;
  const q = qnameOf(ctx, made);
  if (!made || (q !== CD && q !== `${CD}.create`)) return undefined;
  // A variable also written out (`cd.save(path)`): rewritten as a dict of its own (`standaloneEdits`),
  // which this environment gets a copy of, as it stood when given (no `add_*` after that).
  const sa = extra && expr.type === 'identifier' ? standalonePlan(ctx, made) : undefined;
  if (sa && same(sa.given, expr) && (sa.saves.length || sa.serializes.length) && same(statementOf(made)?.parent, block)) {
    const copy = q === CD ? baseConda() : created(ctx, made, site);
    if (!copy || !sa.mutations.every((m) => applyMutation(ctx, copy, m.method, m.call, site, m.item))) return undefined;
    extra!.standalone = sa;
    return copy;
  }
  let conda: Conda | undefined;
  if (q === `${CD}.create`) conda = created(ctx, made, site);
  else {
    const args = bindArgs(made, ['conda_dependencies_file_path'], ['conda_dependencies_file_path']);
    const file = args?.get('conda_dependencies_file_path');
    if (!args) return undefined;
    if (file) {
      if (!stableAt(ctx, file, site)) return undefined;
      if (expr.type === 'call') return { file: file.text };
      // `cd = CondaDependencies(conda_dependencies_file_path=path)` given as is (its only use): the same
      // file as the v2 conda file; nothing can be added to a file here.
      const stmt = statementOf(made);
      const target = made.parent?.childForFieldName('left');
      if (!stmt || target?.type !== 'identifier' || !same(stmt.parent, block) || stmt.endIndex > limit || !boundInBlockOnly(ctx, target, block)) return undefined;
      if (!usesOf(ctx, target).every((u) => same(u, expr))) return undefined;
      deletes.push(stmt);
      return { file: file.text };
    }
    conda = baseConda();
  }
  if (!conda || expr.type === 'call') return conda;
  // A variable: its statement, its `add_*` calls, and this one use.
  const stmt = statementOf(made);
  const target = made.parent?.childForFieldName('left');
  if (!stmt || !target || !same(stmt.parent, block) || stmt.endIndex > limit || !boundInBlockOnly(ctx, target, block)) return undefined;
  const uses = usesOf(ctx, target);
  const loops = new Set<number>();
  for (const use of uses) {
    if (same(use, expr)) continue;
    const { path, top } = chainOf(use);
    const call = top.parent?.type === 'call' && same(top.parent.childForFieldName('function'), top) ? top.parent : undefined;
    const callStmt = call && statementOf(call);
    // `for p in [...]: cd.add_pip_package(p)`: the loop's adds, item by item.
    const loop = callStmt && !same(callStmt.parent, block) ? addLoopOf(ctx, callStmt, target.text) : undefined;
    if (loop && same(loop.loop.parent, block) && loop.loop.endIndex <= limit) {
      if (loops.has(loop.loop.id)) continue;
      loops.add(loop.loop.id);
      if (!loop.steps.every((st) => st.path.length === 1 && applyMutation(ctx, conda!, st.method, st.call, site, st.item))) return undefined;
      deletes.push(loop.loop);
      continue;
    }
    if (path.length !== 1 || !callStmt || !same(callStmt.parent, block) || callStmt.endIndex > limit || !applyMutation(ctx, conda, path[0], call!, site)) return undefined;
    deletes.push(callStmt);
  }
  deletes.push(stmt);
  return conda;
}

/** The calls v1 environments are made by, and the state each makes. */
function producerState(ctx: RuleContext, call: SyntaxNode): State | { lookup: Plan['lookup'] } | undefined {
  const dict = workspaceLookup(ctx, call);
  if (dict) return { lookup: { ws: dict.ws, name: dict.key } };
  const q = qnameOf(ctx, call);
  if (q === ENV) {
    const name = bindArgs(call, ['name'], ['name'])?.get('name');
    return name && { name, conda: baseConda(), userManaged: false };
  }
  if (q === `${ENV}.from_conda_specification`) {
    const args = bindArgs(call, ['name', 'file_path'], ['name', 'file_path']);
    const name = args?.get('name');
    const file = args?.get('file_path');
    return name && file && { name, condaFile: file.text, userManaged: false };
  }
  if (q === `${ENV}.from_pip_requirements`) {
    // v1 reads the file's lines as the whole pip section and adds conda's pip (azureml-core
    // Environment.from_pip_requirements): the same lines, read where the v1 call read them.
    const args = bindArgs(call, ['name', 'file_path', 'pip_version'], ['name', 'file_path', 'pip_version']);
    const name = args?.get('name');
    const file = args?.get('file_path');
    const pipVersion = args?.get('pip_version');
    const v = pipVersion && stringValue(pipVersion);
    if (!name || !file || (pipVersion && (v === undefined || !/^[\w.*]+$/.test(v)))) return undefined;
    const conda = baseConda();
    conda.conda.push(pipVersion ? `"pip=${v}"` : '"pip"');
    conda.pipExpr = `${PATHLIB}.Path(${file.text}).read_text().splitlines()`;
    return { name, conda, userManaged: false };
  }
  if (q === `${ENV}.from_docker_image`) {
    // v1: no conda_specification → user-managed Python (the image's own): an image-only v2 environment.
    const args = bindArgs(call, ['name', 'image', 'container_registry', 'conda_specification', 'pip_requirements'], ['name', 'image', 'conda_specification']);
    const name = args?.get('name');
    const image = args?.get('image');
    const spec = args?.get('conda_specification');
    if (!name || !image) return undefined;
    const v = ctx.model.evaluate(image);
    const q = v?.kind === 'ref' ? v.qname : '';
    // v1's default images: as for `docker.base_image` below.
    if (q === 'azureml.core.runconfig.DEFAULT_CPU_IMAGE') return { name, condaFile: spec?.text, userManaged: !spec };
    if (/^azureml\.core\.(runconfig|environment)\.DEFAULT_GPU_IMAGE$/.test(q)) return { name, image: DEFAULT_GPU_IMAGE, imageReview: true, condaFile: spec?.text, userManaged: !spec };
    if (sdkOf(v) === 'v1') return undefined;
    return { name, image: image.text, condaFile: spec?.text, userManaged: !spec };
  }
  if (q === `${ENV}.from_dockerfile`) {
    // v1 reads the Dockerfile (a path, else its text; azureml-core DockerSection.base_dockerfile) and,
    // without Python dependencies, leaves Python user-managed. ENV2 ("create an environment from a
    // Docker build context"): build=BuildContext(path=<directory>), dockerfile_path relative to it
    // (default "Dockerfile", REST BuildContext.dockerfilePath). Only a literal path: text has spaces.
    const args = bindArgs(call, ['name', 'dockerfile', 'conda_specification', 'pip_requirements'], ['name', 'dockerfile', 'conda_specification', 'pip_requirements']);
    const name = args?.get('name');
    const file = stringValue(args?.get('dockerfile'));
    if (!name || file === undefined || args!.has('conda_specification') || args!.has('pip_requirements') || !/^[\w./-]+$/.test(file)) return undefined;
    const cut = file.lastIndexOf('/');
    const dir = cut < 0 ? '.' : cut === 0 ? '/' : file.slice(0, cut);
    const base = file.slice(cut + 1);
    if (!base || base === '.' || base === '..') return undefined;
    return { name, userManaged: true, build: { path: JSON.stringify(dir), dockerfile: base === 'Dockerfile' ? undefined : JSON.stringify(base) } };
  }
  if (q === `${ENV}.get`) {
    const args = bindArgs(call, ['workspace', 'name', 'version', 'label'], ['workspace', 'name', 'version', 'label']);
    const ws = args?.get('workspace');
    const name = args?.get('name');
    if (!ws || !name || (args!.has('version') && args!.has('label'))) return undefined;
    return { lookup: { ws, name, version: args!.get('version'), label: args!.get('label') } };
  }
  return undefined;
}

/**
 * `ws.environments[key]`: v1's name → environment dict holds each environment's latest version
 * (azureml-core Workspace.environments, built by Environment.list): the lookup `Environment.get(ws, key)` is.
 */
function workspaceLookup(ctx: RuleContext, node: SyntaxNode | undefined): { ws: SyntaxNode; key: SyntaxNode } | undefined {
  const value = node?.type === 'subscript' ? node.childForFieldName('value') : undefined;
  const key = node?.childForFieldName('subscript');
  const ws = value?.type === 'attribute' ? value.childForFieldName('object') : undefined;
  const v = ws && ctx.model.evaluate(value!);
  if (!ws || !key || node!.namedChildren.length !== 2 || v?.kind !== 'ref' || v.qname !== 'azureml.core.Workspace.environments') return undefined;
  return { ws, key };
}

/** The v1 expression that made the environment `env` holds: a call, or a `ws.environments[key]` lookup. */
function producerNode(ctx: RuleContext, env: SyntaxNode): SyntaxNode | undefined {
  if (env.type === 'call' || workspaceLookup(ctx, env)) return env;
  if (env.type !== 'identifier') return undefined;
  const made = definingCall(ctx, env);
  if (made) return made;
  const b = ctx.model.resolveName(env.text, env);
  const assign = b?.kind === 'assign' ? b.node.parent : undefined;
  const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
  return right && workspaceLookup(ctx, right) ? right : undefined;
}

const CONFIG_PATHS = ['docker.enabled', 'docker.base_image', 'docker.base_dockerfile', 'python.user_managed_dependencies', 'python.conda_dependencies', 'environment_variables', 'inferencing_stack_version', 'spark.precache_packages'];
const INFERENCE_CONFIG = 'azureml.core.model.InferenceConfig';

/**
 * `env.inferencing_stack_version = "latest"` (v1: add the inference stack to the deployment image;
 * "Valid value: 'latest'", azureml-core Environment,
 * https://learn.microsoft.com/python/api/azureml-core/azureml.core.environment.environment): v2 has no such setting, a managed online deployment's environment
 * carries the inference server itself (azureml-inference-server-http in the conda file of the
 * how-to-deploy-online-endpoints sample, https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints;
 * curated environments and azureml-defaults include it). The statement goes, the environment's
 * line marked for review; only for an environment given to inference configurations alone.
 */
function inferencingStack(plan: Plan, value: SyntaxNode): boolean {
  if (plan.inferencing || stringValue(value) !== 'latest') return false;
  plan.inferencing = true;
  return true;
}
const MUTATIONS = ['add_conda_package', 'add_pip_package', 'add_channel', 'set_python_version', 'add_tensorflow_conda_package', 'add_tensorflow_pip_package'];

/**
 * Per producer call (one per analysis): the plan of its lifecycle, or null when a piece or use
 * cannot be translated.
 */
const plans = new WeakMap<RuleContext['model'], Map<number, Plan | null>>();

function planOf(ctx: RuleContext, producer: SyntaxNode): Plan | undefined {
  let cache = plans.get(ctx.model);
  if (!cache) plans.set(ctx.model, (cache = new Map()));
  let plan = cache.get(producer.id);
  if (plan === undefined) cache.set(producer.id, (plan = makePlan(ctx, producer) ?? null));
  return plan ?? undefined;
}

/** Where a use of the environment is passed on: a v1 consumer, harmless (v2 call, print, display), or undefined (untranslatable). */
function passedOn(ctx: RuleContext, use: SyntaxNode): Plan['consumers'][number] | 'ok' | undefined {
  const parent = use.parent;
  if (parent?.type === 'expression_statement') return 'ok';
  // `return env` from a helper called once: where its result goes.
  if (parent?.type === 'return_statement') {
    const to = returnedTo(ctx, parent);
    return to && passedOn(ctx, to);
  }
  // `src.run_config.environment = env`: the run configuration's owner is the consumer.
  if (parent?.type === 'assignment' && same(parent.childForFieldName('right'), use)) {
    const left = parent.childForFieldName('left');
    if (left?.type !== 'attribute' || left.childForFieldName('attribute')?.text !== 'environment') return undefined;
    return sdkOf(ctx.model.evaluate(left.childForFieldName('object')!)) === 'v2' ? 'ok' : { delegate: left, use };
  }
  const list = parent?.type === 'keyword_argument' && same(parent.childForFieldName('value'), use) ? parent.parent : parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  if (!call || call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier' && fn.text === 'print' && !ctx.model.resolveName('print', fn)) return 'ok';
  const q = qnameOf(ctx, call);
  const sdk = q ? sdkOf({ kind: 'ref', qname: q }) : 'other';
  if (sdk === 'v2') return 'ok';
  return sdk === 'v1' ? { delegate: call, use } : undefined;
}

/**
 * The one call of the plain `def` that `ret` returns from (its only return, at the top of its body;
 * no nested functions or yields), and the name the call is assigned to, if it is.
 */
function soleCall(ctx: RuleContext, ret: SyntaxNode): { call: SyntaxNode; target: SyntaxNode | null } | undefined {
  const def = ret.parent?.parent;
  if (def?.type !== 'function_definition' || !same(ret.parent, def.childForFieldName('body')) || def.descendantsOfType('return_statement').length !== 1) return undefined;
  if (def.descendantsOfType(['yield', 'function_definition', 'lambda']).length) return undefined;
  const uses = usesOf(ctx, def.childForFieldName('name')!);
  const call = uses.length === 1 ? uses[0].parent : undefined;
  if (call?.type !== 'call' || !same(call.childForFieldName('function'), uses[0])) return undefined;
  const target = call.parent?.type === 'assignment' && same(call.parent.childForFieldName('right'), call) ? call.parent.childForFieldName('left') : null;
  return { call, target };
}

/**
 * The function `ret` returns from, if it is a plain `def` returning only there and called once, as
 * `x = f(...)` with x used once (that use) or written as an argument (the call).
 */
function returnedTo(ctx: RuleContext, ret: SyntaxNode): SyntaxNode | undefined {
  const sole = soleCall(ctx, ret);
  if (!sole) return undefined;
  const { call, target } = sole;
  if (!target) return call;
  const xs = target.type === 'identifier' && statementOf(call) ? usesOf(ctx, target) : [];
  return xs.length === 1 ? xs[0] : undefined;
}

/** `f(...)` of a helper `def f` that builds a v1 environment and returns it (see returnedTo): that environment's producer. */
function helperProducer(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const fn = call.childForFieldName('function');
  const b = fn?.type === 'identifier' ? ctx.model.resolveName(fn.text, fn) : undefined;
  const def = b?.kind === 'def' ? b.node.parent : undefined;
  // `def get_env() -> Environment:` (azureml.core's) would keep naming the v1 class once the body returns a v2 one.
  const annotation = def?.childForFieldName('return_type');
  if (annotation && sdkOf(ctx.model.evaluate(annotation.namedChildren[0] ?? annotation)) !== 'other') return undefined;
  const ret = def?.type === 'function_definition' ? def.descendantsOfType('return_statement')[0] : undefined;
  const value = ret?.namedChildren.length === 1 ? ret.namedChildren[0] : undefined;
  return value?.type === 'identifier' && sdkOf(ctx.model.evaluate(value)) === 'v1' ? definingCall(ctx, value) : undefined;
}

/**
 * A read the v2 entity answers alike (`env.name`, `env.version`) where nothing else is rewritten:
 * under `print(...)`, `str(...)`, an f-string or an assignment only, so the identity edit the fix
 * carries for it (its finding then offers the fix) overlaps no other edit.
 */
function plainRead(ctx: RuleContext, top: SyntaxNode): boolean {
  for (let n = top.parent; n; n = n.parent) {
    if (n.type === 'expression_statement') return true;
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (fn?.type !== 'identifier' || !['print', 'str'].includes(fn.text) || ctx.model.resolveName(fn.text, fn)) return false;
    } else if (!['argument_list', 'interpolation', 'string', 'concatenated_string', 'binary_operator', 'parenthesized_expression', 'assignment', 'keyword_argument'].includes(n.type)) return false;
  }
  return false;
}

/**
 * One use of a v1 environment after its configuration (or of the environment a helper returns, or
 * that `env.register(ws)` returns: the same entity in v2, `create_or_update` returning it):
 * registered, passed on, its name/version read, or its specification serialized; false otherwise.
 */
function laterUse(ctx: RuleContext, plan: Plan, use: SyntaxNode, depth: number): boolean {
  if (depth > 3) return false;
  const { path, top } = chainOf(use);
  if (!path.length) {
    // `return env` from a helper called once: the uses of its result.
    if (use.parent?.type === 'return_statement') {
      const to = returnedUses(ctx, use.parent);
      return !!to && to.every((u) => laterUse(ctx, plan, u, depth + 1));
    }
    const where = passedOn(ctx, use);
    if (!where) return false;
    if (where !== 'ok') plan.consumers.push(where);
    return true;
  }
  // Read attributes the v2 entity has with the same meaning.
  if (path.length === 1 && ['name', 'version'].includes(path[0]) && !(top.parent?.type === 'assignment' && same(top.parent.childForFieldName('left'), top))) {
    if (plainRead(ctx, top)) plan.reads.push(top);
    return true;
  }
  const call = top.parent?.type === 'call' && same(top.parent.childForFieldName('function'), top) ? top.parent : undefined;
  // The environment's conda specification as YAML (v1 `CondaDependencies.serialize_to_string`): the
  // v2 entity's `conda_file` property is the dict it was given (azure-ai-ml
  // `entities/_assets/environment.py`), dumped with PyYAML as for a `CondaDependencies` of its own.
  // A conda file too: its `conda_file` setter loads the file into a dict at construction, where v1's
  // `from_conda_specification` loaded it into the CondaDependencies it dumps (a ruamel round trip; the
  // dump keeps the file's key order, `sort_keys=False`; only the file's comments are not shown).
  if (call && path.join('.') === 'python.conda_dependencies.serialize_to_string' && bindArgs(call, [], []) && (plan.state?.conda || plan.state?.condaFile) && !plan.state.userManaged) {
    plan.serializes.push({ call, env: use });
    return true;
  }
  const ws = call && path.length === 1 && path[0] === 'register' ? bindArgs(call, ['workspace'], ['workspace'])?.get('workspace') : undefined;
  if (!ws) return false;
  plan.registers.push({ call: call!, ws, env: use });
  // `r = env.register(ws)` (or `env = env.register(ws)`): the registered environment's uses, in
  // the same block, bound there only.
  if (call!.parent?.type === 'expression_statement') return true;
  const stmt = statementOf(call!);
  const target = stmt ? call!.parent!.childForFieldName('left') : undefined;
  if (!stmt) {
    // `print(env.register(ws))`, or given on: as a use of the environment itself.
    const where = passedOn(ctx, call!);
    if (where && where !== 'ok') plan.consumers.push(where);
    return !!where;
  }
  if (target?.type !== 'identifier' || !boundInBlockOnly(ctx, target, stmt.parent!)) return false;
  const block = stmt.parent!;
  const rs = usesOf(ctx, target);
  return rs.every((u) => u.startIndex >= block.startIndex && u.endIndex <= block.endIndex) && rs.every((u) => laterUse(ctx, plan, u, depth + 1));
}

/**
 * The uses of what the function `ret` returns from gives, if it is a plain `def` returning only
 * there and called once: `x = f(...)` (x's uses, in the call's block, x bound there only) or the
 * call itself as an argument.
 */
function returnedUses(ctx: RuleContext, ret: SyntaxNode): readonly SyntaxNode[] | undefined {
  const sole = soleCall(ctx, ret);
  if (!sole) return undefined;
  const { call, target } = sole;
  if (!target) return [call];
  const stmt = statementOf(call);
  if (target.type !== 'identifier' || !stmt || !boundInBlockOnly(ctx, target, stmt.parent!)) return undefined;
  const xs = usesOf(ctx, target);
  return xs.every((u) => u.startIndex >= stmt.parent!.startIndex && u.endIndex <= stmt.parent!.endIndex) ? xs : undefined;
}

function makePlan(ctx: RuleContext, producer: SyntaxNode): Plan | undefined {
  const made = producerState(ctx, producer);
  if (!made) return undefined;
  const plan: Plan = { producer, deletes: [], registers: [], serializes: [], consumers: [], reads: [] };
  if ('lookup' in made) plan.lookup = made.lookup;
  else plan.state = made;
  // Made inline as an argument: that consumer is its only use.
  const stmt = statementOf(producer);
  const target = stmt && producer.parent?.type === 'assignment' ? producer.parent.childForFieldName('left') : undefined;
  if (!stmt || !target || target.type !== 'identifier') {
    const where = passedOn(ctx, producer);
    if (!where || where === 'ok') return where && plan;
    plan.consumers.push(where);
    return plan;
  }
  const block = stmt.parent!;
  const uses = [...usesOf(ctx, target)].sort((a, b) => a.startIndex - b.startIndex);
  // A use outside the producer's block may also see another binding (`if gpu: env = ... else: env = ...`).
  if (uses.some((u) => u.startIndex < block.startIndex || u.endIndex > block.endIndex)) return undefined;
  if (!boundInBlockOnly(ctx, target, block)) return undefined;
  // Configuration statements, in order, before every other use.
  let i = 0;
  const config: Array<{ path: string; stmt: SyntaxNode; top: SyntaxNode; call?: SyntaxNode; loop?: AddLoop }> = [];
  for (; i < uses.length; i++) {
    const { path, top } = chainOf(uses[i]);
    const p = path.join('.');
    const assign = top.parent?.type === 'assignment' && same(top.parent.childForFieldName('left'), top) ? top.parent : undefined;
    const call = top.parent?.type === 'call' && same(top.parent.childForFieldName('function'), top) ? top.parent : undefined;
    // `env.environment_variables["K"] = v`: one variable more (v1's dict, by item).
    const item = p === 'environment_variables' ? variableItem(top) : undefined;
    const s = assign ? statementOf(assign.childForFieldName('right')!) : call ? statementOf(call) : item ? statementOf(item.value) : undefined;
    const isConfig = (assign && CONFIG_PATHS.includes(p)) || item || (call && path.length === 3 && p.startsWith('python.conda_dependencies.') && MUTATIONS.includes(path[2]));
    if (!isConfig) break;
    // `for p in [...]: env.python.conda_dependencies.add_pip_package(p)`: one configuration piece, the loop.
    const loop = call && s && !same(s.parent, block) ? addLoopOf(ctx, s, target.text) : undefined;
    if (loop && same(loop.loop.parent, block)) {
      if (!same(config[config.length - 1]?.stmt, loop.loop)) config.push({ path: p, stmt: loop.loop, top, call, loop });
      continue;
    }
    if (!s || !same(s.parent, block)) return undefined;
    config.push({ path: item ? VARIABLE_ITEM : p, stmt: s, top, call });
  }
  const limit = i < uses.length ? uses[i].startIndex : Infinity;
  const state = plan.state;
  if (!state) {
    // A looked-up environment: only what concerns the run, not the registered environment (Docker,
    // which v2 always uses; variables, which go to the job).
    for (const c of config) {
      const value = c.call ? undefined : c.top.parent!.childForFieldName('right')!;
      if (c.path === 'docker.enabled' && value?.type === 'true') plan.deletes.push(c.stmt);
      else if (c.path === 'inferencing_stack_version' && value && inferencingStack(plan, value)) plan.deletes.push(c.stmt);
      else if (c.path === 'environment_variables' && value?.type === 'dictionary' && !plan.envVars) {
        plan.deletes.push(c.stmt);
        plan.envVars = { text: value.text, parts: [value] };
      } else if (c.path === VARIABLE_ITEM && addVariable(plan, c.top)) plan.deletes.push(c.stmt);
      else return undefined;
    }
  } else {
    let fromVariable = false;
    let mutated = false;
    // `Environment(name)` + `docker.base_dockerfile = "<path>"` (+ `base_image = None`): set below.
    const fromDockerfile = !!state.build;
    let dockerfile = false;
    let noImage = false;
    let condaSet = false;
    for (const c of config) {
      plan.deletes.push(c.stmt);
      if (c.loop) {
        const conda = state.conda;
        if (!conda || fromVariable || !c.loop.steps.every((st) => st.path.length === 3 && st.path.slice(0, 2).join('.') === 'python.conda_dependencies' && applyMutation(ctx, conda, st.method, st.call, producer, st.item))) return undefined;
        mutated = true;
        continue;
      }
      if (c.call) {
        // env.python.conda_dependencies.add_pip_package(x): the environment's own specification.
        if (!state.conda || fromVariable || !applyMutation(ctx, state.conda, c.path.split('.')[2], c.call, producer)) return undefined;
        mutated = true;
        continue;
      }
      const value = c.top.parent!.childForFieldName('right')!;
      if (c.path === 'inferencing_stack_version') {
        if (!inferencingStack(plan, value)) return undefined;
        continue;
      }
      // v1 SparkSection.precache_packages: whether to precache the Spark packages, of which this
      // environment can have none (any other `spark.*` setting is refused): it goes.
      if (c.path === 'spark.precache_packages') {
        if (value.type !== 'true' && value.type !== 'false') return undefined;
        continue;
      }
      // A Dockerfile environment: another image or Python layer replaces or extends the Dockerfile in v1.
      if (fromDockerfile && c.path !== 'environment_variables' && c.path !== 'docker.enabled') return undefined;
      if (c.path === 'docker.base_dockerfile') {
        // v1 reads a path to a file, else takes the value as Dockerfile text (azureml-core DockerSection.base_dockerfile):
        // a literal path, as from_dockerfile's, on an `Environment(name)` given no image or conda settings.
        const file = knownString(ctx, value);
        const made = qnameOf(ctx, producer) === ENV;
        if (!made || dockerfile || state.image || condaSet || mutated) return undefined;
        // A name bound to a joined path (`str(prefix.joinpath("DOCKERFILE"))`): its directory and file name.
        const joined = file === undefined ? joinedPath(ctx, value, producer) : undefined;
        if (joined) {
          state.build = { path: `${OS}.path.dirname(${value.text})`, dockerfile: joined === 'Dockerfile' ? undefined : JSON.stringify(joined) };
          dockerfile = true;
          continue;
        }
        if (file === undefined || !/^[\w./-]+$/.test(file)) return undefined;
        const cut = file.lastIndexOf('/');
        const base = file.slice(cut + 1);
        if (!base || base === '.' || base === '..') return undefined;
        state.build = { path: JSON.stringify(cut < 0 ? '.' : cut === 0 ? '/' : file.slice(0, cut)), dockerfile: base === 'Dockerfile' ? undefined : JSON.stringify(base) };
        dockerfile = true;
        continue;
      }
      if (dockerfile && c.path !== 'environment_variables' && c.path !== 'docker.enabled' && c.path !== 'python.user_managed_dependencies' && !(c.path === 'docker.base_image' && value.type === 'none')) return undefined;
      if (c.path === 'docker.base_image' && value.type === 'none') {
        // (v1: no base image, what base_dockerfile also sets; only with one.)
        noImage = true;
        continue;
      }
      if (c.path.startsWith('python.conda')) condaSet = true;
      if (c.path === 'environment_variables') {
        // v2 sets them on the job, not the environment (command(environment_variables=)): the consumer takes them.
        if (value.type !== 'dictionary' || plan.envVars) return undefined;
        plan.envVars = { text: value.text, parts: [value] };
      } else if (c.path === VARIABLE_ITEM) {
        if (!addVariable(plan, c.top)) return undefined;
      } else if (c.path === 'docker.enabled') {
        // v2 environments are always containers; a v1 run without Docker has no v2 counterpart.
        if (value.type !== 'true') return undefined;
      } else if (c.path === 'docker.base_image') {
        // v1's DEFAULT_CPU_IMAGE: v2 has no default, the docs' image (below).
        const v = ctx.model.evaluate(value);
        if (v?.kind === 'ref' && v.qname === 'azureml.core.runconfig.DEFAULT_CPU_IMAGE') {
          state.image = undefined;
          continue;
        }
        if (v?.kind === 'ref' && /^azureml\.core\.(runconfig|environment)\.DEFAULT_GPU_IMAGE$/.test(v.qname)) {
          state.image = DEFAULT_GPU_IMAGE;
          state.imageReview = true;
          continue;
        }
        if (!stableAt(ctx, value, producer) || value.type === 'none' || sdkOf(v) === 'v1') return undefined;
        state.image = (value.type === 'parenthesized_expression' && value.namedChildren.length === 1 ? value.namedChildren[0] : value).text;
        state.imageReview = false;
      } else if (c.path === 'python.user_managed_dependencies') {
        if (value.type !== 'true' && value.type !== 'false') return undefined;
        state.userManaged = value.type === 'true';
        // v1 then builds its default conda environment (from_docker_image left none).
        if (!state.userManaged && !state.conda && !state.condaFile) state.conda = baseConda();
      } else {
        const extra: { standalone?: Standalone } = {};
        const conda = condaOf(ctx, value, producer, block, limit, plan.deletes, extra);
        if (!conda) return undefined;
        plan.standalone = extra.standalone;
        if ('file' in conda) {
          state.condaFile = conda.file;
          state.conda = undefined;
        } else {
          if (mutated) return undefined;
          state.conda = conda;
          state.condaFile = undefined;
          fromVariable = value.type === 'identifier';
        }
      }
    }
    if (!dockerfileDone(state, dockerfile, noImage)) return undefined;
  }
  // Every other use: registered, passed on, or its name read.
  for (; i < uses.length; i++) if (!laterUse(ctx, plan, uses[i], 0)) return undefined;
  // The inference stack is a deployment's: not for a registered environment or a job.
  if (plan.inferencing && (!plan.consumers.length || plan.registers.length || !plan.consumers.every((c) => qnameOf(ctx, c.delegate) === INFERENCE_CONFIG))) return undefined;
  // A specification written here must hold the server (azureml-defaults depends on it): else the v2 deployment has none.
  const own = plan.state && !plan.state.userManaged && !plan.state.condaFile ? plan.state.conda : undefined;
  if (plan.inferencing && own && (own.pipExpr || !own.pip.some((p) => ['azureml-defaults', 'azureml-inference-server-http'].includes(packageName(p) ?? '')))) return undefined;
  return plan;
}

/**
 * A name bound once (in its scope), before `site`, to a path joined from a directory and a file name
 * literal: `str(<x>.joinpath("<file>"))`, `str(<x> / "<file>")`, `os.path.join(..., "<file>")` (the
 * azureml-examples v1 job.py shape `environment_file = str(prefix.joinpath("DOCKERFILE"))`): the file
 * name. A path, so v1 read the file (not Dockerfile text); v2 gets its directory as the build context.
 */
function joinedPath(ctx: RuleContext, value: SyntaxNode, site: SyntaxNode): string | undefined {
  if (value.type !== 'identifier' || !stableAt(ctx, value, site)) return undefined;
  let right: SyntaxNode | null | undefined = onlyValue(ctx, value);
  if (!right || ctx.model.resolveName(value.text, value)!.node.startIndex > site.startIndex) return undefined;
  const lastArg = (call: SyntaxNode | null | undefined): SyntaxNode | undefined => {
    const args = call?.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment');
    return args?.length && args.every((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat') ? args[args.length - 1] : undefined;
  };
  let last: SyntaxNode | undefined;
  if (right?.type === 'call' && qnameOf(ctx, right) === 'os.path.join' && (right.childForFieldName('arguments')?.namedChildren.length ?? 0) >= 2) last = lastArg(right);
  else {
    // str(...) of a pathlib join.
    const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    const args = right?.childForFieldName('arguments')?.namedChildren;
    if (fn?.type !== 'identifier' || fn.text !== 'str' || ctx.model.resolveName('str', fn) || args?.length !== 1) return undefined;
    right = args[0];
    const f = right.type === 'call' ? right.childForFieldName('function') : undefined;
    if (f?.type === 'attribute' && f.childForFieldName('attribute')?.text === 'joinpath' && right.childForFieldName('arguments')?.namedChildren.length === 1) last = lastArg(right);
    else if (right.type === 'binary_operator' && right.childForFieldName('operator')?.text === '/') last = right.childForFieldName('right') ?? undefined;
  }
  const name = last?.type === 'string' ? stringValue(last) : undefined;
  return name !== undefined && /^[\w.-]+$/.test(name) && name !== '.' && name !== '..' ? name : undefined;
}

/**
 * After its configuration, an `Environment(name)` given a Dockerfile: v1 adds its default conda
 * environment unless Python is user-managed, which a v2 build context cannot take (ENV2: a conda
 * file goes with an image): only `user_managed_dependencies = True` is rewritten.
 */
function dockerfileDone(state: State, dockerfile: boolean, noImage: boolean): boolean {
  if (!dockerfile) return !noImage;
  if (!state.userManaged || state.image || state.condaFile) return false;
  state.conda = undefined;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Writing it

/** A statement alone on its lines (deleting it leaves no `;` behind). */
export function aloneOnLines(ctx: RuleContext, stmt: SyntaxNode): boolean {
  const text = ctx.module.text;
  const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  return /^[ \t]*$/.test(text.slice(start, stmt.startIndex)) && endsLine(ctx, stmt) && !/^\s*;/.test(text.slice(stmt.endIndex));
}

/**
 * What deleting a statement alone on its lines removes: from the end of the line before it to the
 * end of its last line (trailing comment included), so no blank line is left; within one notebook
 * cell. A node-shaped range (the `Edits` consumers take nodes); the statement itself when it
 * opens its cell or module.
 */
export function wholeLines(ctx: RuleContext, stmt: SyntaxNode): SyntaxNode {
  const text = ctx.module.text;
  const lines = ctx.module.lines;
  const row = stmt.startPosition.row;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  if (row === 0 || lineStart === 0 || (lines && lines[row - 1]?.cell !== lines[row]?.cell)) return stmt;
  // A '\r' before the '\n' belongs to the line break (positions count `\r\n` as one).
  const prevEnd = lineStart - 1 - (text[lineStart - 2] === '\r' ? 1 : 0);
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  const endNl = text.indexOf('\n', stmt.endIndex);
  const end = endNl < 0 ? text.length : endNl - (text[endNl - 1] === '\r' ? 1 : 0);
  const endLineStart = text.lastIndexOf('\n', end - 1) + 1;
  return textRange(ctx, 'deleted_lines', prevEnd, { row: row - 1, column: prevEnd - prevStart }, end, { row: stmt.endPosition.row, column: end - endLineStart });
}

/** The conda dict, on one line and one entry a line; `named`: with v1's environment name (what `save` wrote). */
function condaDict(conda: Conda, named = false): { inline: string; lines: string[] } {
  const pip = conda.pipExpr ?? (conda.pip.length ? `[${conda.pip.join(', ')}]` : undefined);
  const deps = [conda.python, ...conda.conda, ...(pip ? [`{"pip": ${pip}}`] : [])];
  const channels = `"channels": [${conda.channels.join(', ')}]`;
  const name = named ? ['"name": "project_environment"'] : [];
  return {
    inline: `{${[...name, channels].join(', ')}, "dependencies": [${deps.join(', ')}]}`,
    lines: ['{', ...name.map((n) => `    ${n},`), `    ${channels},`, '    "dependencies": [', ...deps.map((d) => `        ${d},`), '    ],', '}'],
  };
}

/** `azure.ai.ml.entities.Environment(...)` for a state: one line when short and last on its line, else one argument a line. */
function constructorText(fb: FixBuilder, ctx: RuleContext, state: State, at: SyntaxNode): string {
  const entities = fb.needModule('azure.ai.ml.entities');
  const head = `${entities}.Environment(`;
  if (state.build) {
    // The directory is uploaded as the build context, where v1 sent the Dockerfile alone: for review.
    const { dockerfile } = state.build;
    const path = state.build.path.replace(OS, () => fb.needModule('os'));
    const build = `${entities}.BuildContext(path=${path}${dockerfile ? `, dockerfile_path=${dockerfile}` : ''})`;
    const one = `${head}name=${state.name!.text}, build=${build})`;
    if (endsLine(ctx, at) && at.startPosition.column + one.length + REVIEW.length <= 100) return `${one}${REVIEW}`;
    const indent = lineIndent(ctx, at);
    return [head, `${indent}    name=${state.name!.text},`, `${indent}    build=${build},${REVIEW}`, `${indent})`].join('\n');
  }
  const image = state.image ?? DEFAULT_IMAGE;
  const dict = !state.userManaged && !state.condaFile && state.conda ? condaDict(state.conda) : undefined;
  if (dict && state.conda!.pipExpr) {
    const pathlib = fb.needModule('pathlib');
    dict.inline = dict.inline.replace(PATHLIB, pathlib);
    dict.lines = dict.lines.map((l) => l.replace(PATHLIB, pathlib));
  }
  const condaText = state.userManaged ? undefined : state.condaFile ?? dict?.inline;
  const imageReview = !state.image || !!state.imageReview;
  const condaReview = !!dict && state.conda!.review;
  const args: Array<[string, string, boolean]> = [...(state.name ? [['name', state.name.text, false] as [string, string, boolean]] : []), ['image', image, imageReview]];
  if (condaText) args.push(['conda_file', condaText, condaReview]);
  const indent = lineIndent(ctx, at);
  const one = `${head}${args.map(([k, v]) => `${k}=${v}`).join(', ')})`;
  const review = args.some(([, , r]) => r);
  if ((!review || endsLine(ctx, at)) && at.startPosition.column + one.length + (review ? REVIEW.length : 0) <= 100) return review ? `${one}${REVIEW}` : one;
  const inner = `${indent}    `;
  const lines = [head];
  for (const [k, v, r] of args) {
    if (k === 'conda_file' && dict && `${inner}conda_file=${dict.inline},${r ? REVIEW : ''}`.length > 120) {
      lines.push(`${inner}conda_file=${dict.lines[0]}${r ? REVIEW : ''}`, ...dict.lines.slice(1, -1).map((l) => `${inner}${l}`), `${inner}${dict.lines[dict.lines.length - 1]},`);
    } else lines.push(`${inner}${k}=${v},${r ? REVIEW : ''}`);
  }
  lines.push(`${indent})`);
  return lines.join('\n');
}

/** The edits of a plan (producer first), or undefined when a workspace has no v2 client. */
function planEdits(fb: FixBuilder, ctx: RuleContext, plan: Plan, takesVars = false): Edits | undefined {
  // Environment variables go to a job; a registered v2 environment cannot hold them.
  if (plan.envVars && (!takesVars || plan.registers.length)) return undefined;
  const edits: Edits = [];
  if (plan.lookup) {
    const { ws, name, version, label } = plan.lookup;
    const client = clientOf(fb, ctx, ws);
    if (!client) return undefined;
    edits.push([plan.producer, `${client.ml}.environments.get(name=${name.text}, ${version ? `version=${versionString(version)}` : `label=${label ? label.text : '"latest"'}`})`], ...client.edits);
  } else edits.push([plan.producer, constructorText(fb, ctx, plan.state!, plan.producer)]);
  if (plan.inferencing) {
    // The dropped inference stack: the environment's first line carries the review mark.
    const text = edits[0][1];
    const marked = text.includes(REVIEW) ? text : text.includes('\n') ? text.replace('\n', `${REVIEW}\n`) : endsLine(ctx, plan.producer) ? `${text}${REVIEW}` : undefined;
    if (marked === undefined) return undefined;
    edits[0] = [plan.producer, marked];
  }
  for (const s of plan.deletes) {
    if (!aloneOnLines(ctx, s)) return undefined;
    edits.push([wholeLines(ctx, s), '']);
  }
  if (plan.standalone) {
    const own = standaloneEdits(fb, ctx, plan.standalone);
    if (!own) return undefined;
    edits.push(...own);
  }
  if (plan.serializes.length) {
    const yaml = fb.needModule('yaml');
    // A file's dict keeps the file's key order, as v1's round trip did.
    const order = plan.state?.condaFile ? ', sort_keys=False' : '';
    for (const r of plan.serializes) edits.push([r.call, `${yaml}.safe_dump(${r.env.text}.conda_file${order})`]);
  }
  for (const r of plan.registers) {
    const client = clientOf(fb, ctx, r.ws);
    if (!client) return undefined;
    // ENV2: env.register(ws) → ml_client.environments.create_or_update(env) (both return the environment).
    edits.push([r.call, `${client.ml}.environments.create_or_update(${r.env.text})`], ...client.edits);
  }
  for (const r of plan.reads) edits.push([r, r.text]);
  // Once each (two registers on one workspace bring its edits twice).
  return edits.filter(([n], k) => edits.findIndex(([m]) => same(m, n)) === k);
}

/** v2 asset versions are strings. */
function versionString(node: SyntaxNode): string {
  return node.type === 'integer' && /^\d+$/.test(node.text) ? `"${node.text}"` : node.type === 'string' ? node.text : `str(${node.text})`;
}

/**
 * The edits that make the expression `env` (an argument of a job or deployment being rewritten)
 * a v2 `Environment`: [] when it already is one, undefined when it cannot be translated.
 * Consumers (a `ScriptRunConfig`, an `InferenceConfig`) put these edits in their own fix: the
 * whole lifecycle of the environment, provided `env` is its only v1 consumer.
 */
export function environmentEdits(fb: FixBuilder, ctx: RuleContext, env: SyntaxNode, vars?: { text?: string }, failed?: { job?: boolean }): Edits | undefined {
  let producer = producerNode(ctx, env);
  let sdk = sdkOf(ctx.model.evaluate(env));
  // `env = get_env()`: the environment the helper builds (the model types the call's result v1 when the
  // helper returns one; a helper it cannot type may still return one).
  const helper = sdk !== 'v2' && producer ? helperProducer(ctx, producer) : undefined;
  if (helper) [producer, sdk] = [helper, 'v1'];
  if (sdk !== 'v1') {
    // A call whose result the model cannot type (`env = make_env()`, a helper returning a v1
    // environment) is not known to be a v2 environment.
    if (producer && sdk !== 'v2') {
      const q = qnameOf(ctx, producer);
      if (!q || sdkOf({ kind: 'ref', qname: q }) !== 'v2') return undefined;
    }
    return [];
  }
  const plan = producer && planOf(ctx, producer);
  if (!plan || !plan.consumers.some((c) => same(c.use, env)) && plan.consumers.length) return undefined;
  // `env.environment_variables = {...}`: only for a consumer that sets them on its job (`vars`), with the same value there.
  if (plan.envVars) {
    if (!vars || !plan.envVars.parts.every((x) => stableAt(ctx, x, env))) return undefined;
    vars.text = plan.envVars.text;
  }
  const own = planEdits(fb, ctx, plan, !!vars);
  const others = plan.consumers.filter((c) => !same(c.use, env));
  if (!own || !others.length || merging.has(plan.producer.id)) return own;
  // Given to other v1 jobs too: each one rewritten alone would hand the others a v2 environment,
  // so the fix carries their whole lifecycles (jobs.ts), the environment's edits once.
  if (!sharedJobs) return undefined;
  merging.add(plan.producer.id);
  try {
    const more = sharedJobs(fb, ctx, others.map((c) => c.delegate));
    // (null: every other consumer is a v1 job configuration, one of which has no rewrite.)
    if (more === null && failed) failed.job = true;
    return more ? [...own, ...more] : undefined;
  } finally {
    merging.delete(plan.producer.id);
  }
}

/**
 * Set by jobs.ts: the edits of the job lifecycles (configuration, submits, runs' uses) of the v1 job
 * configurations `delegates`, given an environment with another job; null when they are all job
 * configurations and one has no rewrite, undefined when one is something else.
 */
type SharedJobs = (fb: FixBuilder, ctx: RuleContext, delegates: SyntaxNode[]) => Edits | undefined | null;
let sharedJobs: SharedJobs | undefined;
export function setSharedJobs(f: SharedJobs): void {
  sharedJobs = f;
}
/** Producers whose jobs are being merged: their other consumers take the environment's edits alone (the outer fix has the rest). */
const merging = new Set<number>();

/**
 * The v1 environment variable `env` is also given to another v1 consumer (`ScriptRunConfig(environment=env)`
 * and `InferenceConfig(environment=env)`, the Udacity and MLN train-then-deploy shape): one consumer
 * cannot take its lifecycle; it can take an `environmentCopy`, the other one the environment later.
 */
export function sharedEnvironment(ctx: RuleContext, env: SyntaxNode): boolean {
  const producer = env.type === 'identifier' && sdkOf(ctx.model.evaluate(env)) === 'v1' ? producerNode(ctx, env) : undefined;
  const plan = producer && planOf(ctx, producer);
  return !!plan && plan.consumers.some((c) => same(c.use, env)) && plan.consumers.some((c) => !same(c.use, env));
}

/**
 * A v2 environment equal to the v1 environment `env`, which stays v1 (another v1 consumer keeps it,
 * e.g. the inference config of a local deployment): one expression for `at`, with the edits it takes
 * (a workspace's client). Only for an environment whose producer's arguments and folded configuration
 * mean the same at `at`, without environment variables (a v2 deployment setting). Its registration,
 * `save`, ... stay v1 code. `env` may also be the producer call itself, written in a v1 consumer that
 * goes (`InferenceConfig(environment=Environment.get(ws, name))`): its v2 form, moved to `at`.
 */
export function environmentCopy(fb: FixBuilder, ctx: RuleContext, env: SyntaxNode, at: SyntaxNode): { text: string; edits: Edits; review: boolean } | undefined {
  // (A call: the v1 producer written where the environment is given, e.g. in an inference config.)
  const producer = producerNode(ctx, env);
  const plan = producer && sdkOf(ctx.model.evaluate(env)) === 'v1' ? planOf(ctx, producer) : undefined;
  const args = producer?.type === 'subscript' ? producer : producer?.childForFieldName('arguments');
  if (!plan || !args || plan.envVars || plan.inferencing) return undefined;
  if (!args.namedChildren.every((a) => a.type !== 'comment' && stableAt(ctx, a.type === 'keyword_argument' ? a.childForFieldName('value')! : a, at))) return undefined;
  // The folded configuration (`cd.add_pip_package(...)`, ...) stays for the v1 environment; the copy
  // reads the same values at `at`: every name in it bound alike there.
  const names = plan.deletes.flatMap((d) => d.descendantsOfType('identifier'));
  if (!names.every((n) => ctx.model.resolveName(n.text, n) === ctx.model.resolveName(n.text, at))) return undefined;
  if (plan.lookup) {
    const { ws, name, version, label } = plan.lookup;
    const client = clientOf(fb, ctx, ws);
    if (!client) return undefined;
    return { text: `${client.ml}.environments.get(name=${name.text}, ${version ? `version=${versionString(version)}` : `label=${label ? label.text : '"latest"'}`})`, edits: client.edits, review: false };
  }
  const state = plan.state!;
  if (state.build || !state.name) return undefined;
  const dict = !state.userManaged && !state.condaFile && state.conda ? condaDict(state.conda) : undefined;
  const conda = state.userManaged ? undefined : state.condaFile ?? dict?.inline.replace(PATHLIB, () => fb.needModule('pathlib'));
  // (The default image and a pinned conda file are for review (`review`): the consumer's line carries the mark.)
  const review = !state.image || !!state.imageReview || (!!dict && state.conda!.review);
  return { text: `${fb.needModule('azure.ai.ml.entities')}.Environment(name=${state.name.text}, image=${state.image ?? DEFAULT_IMAGE}${conda ? `, conda_file=${conda}` : ''})`, edits: [], review };
}

/**
 * For a v1 job configuration's `environment=env` (jobs.ts): the environment's edits, as `environmentEdits`;
 * or, when `env` is also given to other v1 jobs one of which has no rewrite (the DP-100 "06 - Work with
 * Data" lab: a file-dataset job next to a tabular one), an `environmentCopy` written at `at` (the job):
 * `env` stays v1 for the jobs that stay, each job taking a copy is correct applied alone. The copy
 * holds what the job saw: the producer's arguments and the folded configuration mean the same at `at`
 * (environmentCopy), the configuration precedes every use (planOf), and `env` is the producer's own
 * binding (a `register` result is not copied: planOf has no plan for it). Not with environment
 * variables (they go to the job with the environment's lifecycle).
 */
export function jobEnvironment(fb: FixBuilder, ctx: RuleContext, env: SyntaxNode, at: SyntaxNode, vars: { text?: string }): { edits: Edits; text?: string; review?: boolean } | undefined {
  const failed: { job?: boolean } = {};
  const edits = environmentEdits(fb, ctx, env, vars, failed);
  if (edits) return { edits };
  if (!failed.job || env.type !== 'identifier' || vars.text !== undefined) return undefined;
  const copy = environmentCopy(fb, ctx, env, at);
  return copy && { edits: copy.edits, text: copy.text, review: copy.review };
}

/** The producer's finding: its own lifecycle fix, or the fix of its one v1 consumer. */
const producerBuilder: Builder = (fb, ref, ctx) => {
  const plan = planOf(ctx, ref.call!);
  if (!plan) return undefined;
  // Several v1 consumers: the first one's fix carries the others when they are jobs (environmentEdits).
  if (plan.consumers.length) return fb.sameFixAs(plan.consumers[0].delegate);
  return combined(fb, ref.call!, planEdits(fb, ctx, plan));
};

/** The producer of the environment whose piece `node` is (`env` in `env.docker.enabled`, `env.python.conda_dependencies.add_pip_package`). */
function producerOfRoot(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  let root = node;
  while (root.type === 'attribute') root = root.childForFieldName('object')!;
  const made = root.type === 'identifier' ? madeBy(ctx, root, 0) : undefined;
  return made && planOf(ctx, made) ? made : undefined;
}

/** The v1 producer of the environment a name holds, through `r = env.register(ws)` and `x = helper()` (a `def` returning one). */
function madeBy(ctx: RuleContext, name: SyntaxNode, depth: number): SyntaxNode | undefined {
  const made = definingCall(ctx, name);
  if (!made || depth > 3) return made;
  if (qnameOf(ctx, made) === `${ENV}.register`) {
    const fn = made.childForFieldName('function');
    const env = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    return env?.type === 'identifier' ? madeBy(ctx, env, depth + 1) : undefined;
  }
  return helperProducer(ctx, made) ?? made;
}

/** A piece of an environment's lifecycle: offers the producer's fix. */
const pieceBuilder: Builder = (fb, ref, ctx) => {
  const producer = producerOfRoot(ctx, ref.call ? ref.call.childForFieldName('function')! : ref.node);
  return producer ? fb.sameFixAs(producer) : undefined;
};

/**
 * v1's default image constant where an environment's fix replaces it: `x.docker.base_image = DEFAULT_CPU_IMAGE`
 * (x an environment or `rc.environment`: the fix of what made x) or an argument of a call (`from_docker_image`).
 */
const defaultImageBuilder: Builder = (fb, ref, ctx) => {
  const node = ref.node;
  const assign = node.parent?.type === 'assignment' && same(node.parent.childForFieldName('right'), node) ? node.parent : undefined;
  const left = assign?.childForFieldName('left');
  if (left?.type === 'attribute' && left.text.endsWith('docker.base_image')) {
    let root: SyntaxNode = left;
    while (root.type === 'attribute') root = root.childForFieldName('object')!;
    const made = root.type === 'identifier' ? definingCall(ctx, root) : undefined;
    return made ? fb.sameFixAs(made) : undefined;
  }
  const holder = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
  return holder?.type === 'argument_list' && holder.parent?.type === 'call' ? fb.sameFixAs(holder.parent) : undefined;
};

/** A `CondaDependencies` piece: offers the fix of the environment it is assigned to (`env.python.conda_dependencies = cd`). */
const condaPieceBuilder: Builder = (fb, ref, ctx) => {
  let expr: SyntaxNode | undefined = ref.call!;
  const q = qnameOf(ctx, ref.call);
  if (q !== CD && q !== `${CD}.create`) {
    // cd.add_pip_package(...): the variable's producer.
    const fn = ref.call!.childForFieldName('function');
    const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    expr = obj?.type === 'identifier' ? definingCall(ctx, obj) : undefined;
  }
  if (!expr) return undefined;
  // The assignment `env.python.conda_dependencies = <expr or its variable>`.
  let holder: SyntaxNode | undefined = expr;
  const target = expr.parent?.type === 'assignment' && same(expr.parent.childForFieldName('right'), expr) ? expr.parent.childForFieldName('left') : undefined;
  if (target?.type === 'identifier') holder = usesOf(ctx, target).find((u) => u.parent?.type === 'assignment' && same(u.parent.childForFieldName('right'), u));
  const assign = holder?.parent;
  const left = assign?.type === 'assignment' && same(assign.childForFieldName('right'), holder) ? assign.childForFieldName('left') : undefined;
  if (left?.type !== 'attribute' || !left.text.endsWith('conda_dependencies')) {
    // A specification of its own (written to a file, serialized): its producer's fix.
    if (!standalonePlan(ctx, expr)) return undefined;
    return same(expr, ref.call) ? combined(fb, expr, standaloneEdits(fb, ctx, standalonePlan(ctx, expr)!)) : fb.sameFixAs(expr);
  }
  // An environment's producer; else whatever made the root (`rc = RunConfiguration()` for
  // `rc.environment.python.conda_dependencies = cd`), whose fix counts only if it rewrites this.
  let root: SyntaxNode = left;
  while (root.type === 'attribute') root = root.childForFieldName('object')!;
  const producer = producerOfRoot(ctx, left) ?? (root.type === 'identifier' ? definingCall(ctx, root) : undefined);
  // Written to a file before it is given to an environment that has no rewrite (its consumer stays v1):
  // the specification alone, the environment reading the file back (savedBridge).
  const plan = standalonePlan(ctx, expr);
  if (plan?.given && !(producer && hasFix(ctx, producer))) {
    const bridge = savedBridge(fb, ctx, plan);
    if (bridge) return same(expr, ref.call) ? combined(fb, expr, bridge) : fb.sameFixAs(expr);
  }
  return producer ? fb.sameFixAs(producer) : undefined;
};

/** The v1 reference at `node` has a rewrite (v1-fixes.ts, required here: it loads this module). */
function hasFix(ctx: RuleContext, node: SyntaxNode): boolean {
  const ref = ctx.model.references.find((r) => (r.call ?? r.node).id === node.id);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return !!ref && !!(require('../v1-fixes') as typeof import('../v1-fixes')).v1Fix(ctx, ref);
}

/**
 * A `CondaDependencies` written out (`cd.save(path)` / `cd.save_to_file(base, name)`) and then given
 * to an environment that stays v1 (`env.python.conda_dependencies = cd`): the specification becomes
 * the dict written with PyYAML (standaloneEdits), and the environment is given v1's
 * `CondaDependencies(conda_dependencies_file_path)` of that file, the same document read back
 * (azureml-core conda_dependencies.py; save_to_file writes os.path.join(base, name)). The file must be
 * written before, in the same block, at a path that reads the same at both statements.
 */
function savedBridge(fb: FixBuilder, ctx: RuleContext, plan: Standalone): Edits | undefined {
  const given = plan.given!;
  const block = statementOf(given)?.parent;
  const save = plan.saves.find((s) => same(statementOf(s.call)?.parent, block) && s.call.endIndex < given.startIndex && s.path.every((p) => stableAt(ctx, p, given)));
  // The class as the producer names it, bound alike at the assignment.
  const fn = plan.producer.childForFieldName('function');
  const cls = fn?.type === 'attribute' ? fn.childForFieldName('object') : fn;
  if (!save || !cls || (cls.type !== 'identifier' && cls.type !== 'attribute') || !stableAt(ctx, cls, given)) return undefined;
  const own = standaloneEdits(fb, ctx, plan);
  if (!own) return undefined;
  const path = save.path.length === 1 ? save.path[0].text : `${fb.needModule('os')}.path.join(${save.path.map((p) => p.text).join(', ')})`;
  return [...own, [given, `${cls.text}(${path})`]];
}

/**
 * For other areas' rewrites (a run configuration's `environment.python.conda_dependencies = cd`):
 * the v2 `conda_file` value of a `CondaDependencies` expression (an inline call, or a variable
 * whose `add_*` statements are in `site`'s block) and the edits that delete those statements.
 * The value is meant to be written at `site`.
 */
export function condaFileOf(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): { value: string; review: boolean; edits: Edits } | undefined {
  let stmt: SyntaxNode | null = site;
  while (stmt && stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
  const deletes: SyntaxNode[] = [];
  const conda = stmt?.parent ? condaOf(ctx, expr, site, stmt.parent, Infinity, deletes) : undefined;
  if (!conda || deletes.some((d) => !aloneOnLines(ctx, d))) return undefined;
  const edits: Edits = deletes.map((d) => [wholeLines(ctx, d), '']);
  return 'file' in conda ? { value: conda.file, review: false, edits } : { value: condaDict(conda).inline, review: conda.review, edits };
}

/**
 * For pipelines.ts: the environment of a fresh `rc = RunConfiguration()` (azureml-core: an
 * `Environment` with v1's defaults, as `Environment(name)` here) configured by the statements
 * `rc.environment.<path> = value` (`path` relative to the environment, in order, in `producer`'s
 * block; no statement for `RunConfiguration(conda_dependencies=cd)`): the text of an anonymous v2 `Environment(image=, conda_file=)` written in place of
 * `producer`, and the edits deleting those statements (and a `CondaDependencies` variable's).
 * Paths: `docker.enabled = True`, `docker.base_image`, `python.user_managed_dependencies`,
 * `python.conda_dependencies`, `spark.precache_packages` (goes); undefined for anything else.
 */
export function runConfigEnvironment(fb: FixBuilder, ctx: RuleContext, producer: SyntaxNode, config: Array<{ path: string; value: SyntaxNode; stmt?: SyntaxNode }>): { text: string; edits: Edits } | undefined {
  const block = statementOf(producer)?.parent;
  if (!block) return undefined;
  const state: State = { conda: baseConda(), userManaged: false };
  const deletes: SyntaxNode[] = config.flatMap((c) => (c.stmt ? [c.stmt] : []));
  for (const { path, value } of config) {
    if (path === 'docker.enabled') {
      // v2 environments are always containers.
      if (value.type !== 'true') return undefined;
    } else if (path === 'docker.base_image') {
      const v = ctx.model.evaluate(value);
      if (v?.kind === 'ref' && v.qname === 'azureml.core.runconfig.DEFAULT_CPU_IMAGE') state.image = undefined;
      else if (v?.kind === 'ref' && /^azureml\.core\.(runconfig|environment)\.DEFAULT_GPU_IMAGE$/.test(v.qname)) {
        state.image = DEFAULT_GPU_IMAGE;
        state.imageReview = true;
      } else if (!stableAt(ctx, value, producer) || value.type === 'none' || sdkOf(v) === 'v1') return undefined;
      else {
        state.image = value.text;
        state.imageReview = false;
      }
    } else if (path === 'python.user_managed_dependencies') {
      if (value.type !== 'true' && value.type !== 'false') return undefined;
      state.userManaged = value.type === 'true';
    } else if (path === 'spark.precache_packages') {
      // No Spark packages to precache (as in makePlan): goes.
      if (value.type !== 'true' && value.type !== 'false') return undefined;
    } else if (path === 'python.conda_dependencies') {
      const conda = condaOf(ctx, value, producer, block, Infinity, deletes);
      if (!conda) return undefined;
      if ('file' in conda) {
        state.condaFile = conda.file;
        state.conda = undefined;
      } else state.conda = conda;
    } else return undefined;
  }
  if (deletes.some((d) => !aloneOnLines(ctx, d))) return undefined;
  return { text: constructorText(fb, ctx, state, producer), edits: deletes.map((d) => [wholeLines(ctx, d), '']) };
}

// ---------------------------------------------------------------------------------------------
// A CondaDependencies object of its own: a conda dict, written out with PyYAML

/**
 * `cd = CondaDependencies()` / `.create(...)` whose uses are `add_*` statements (folded into the
 * dict), then `cd.serialize_to_string()` → `yaml.safe_dump(cd)` and `cd.save(path)` →
 * `pathlib.Path(path).write_text(yaml.safe_dump(cd))` (v1 writes the same YAML document: ENV2 takes
 * such a file as `conda_file`). PyYAML is a dependency of azure-ai-ml.
 */
interface Standalone {
  producer: SyntaxNode;
  conda: Conda;
  deletes: SyntaxNode[];
  serializes: Array<{ call: SyntaxNode; cd: SyntaxNode }>;
  /** `save(path)`, `save_to_file(base, name)`: the path's parts (`pathlib.Path(*parts)`). */
  saves: Array<{ call: SyntaxNode; cd: SyntaxNode; path: SyntaxNode[] }>;
  /** The `add_*` calls folded into the dict, in order (`item`: the loop item a call's argument stands for). */
  mutations: Array<{ method: string; call: SyntaxNode; item?: SyntaxNode }>;
  /** `env.python.conda_dependencies = cd`: the one environment it is given to (after every `add_*`). */
  given?: SyntaxNode;
}

const standalones = new WeakMap<RuleContext['model'], Map<number, Standalone | null>>();

function standalonePlan(ctx: RuleContext, producer: SyntaxNode): Standalone | undefined {
  let cache = standalones.get(ctx.model);
  if (!cache) standalones.set(ctx.model, (cache = new Map()));
  let plan = cache.get(producer.id);
  if (plan === undefined) cache.set(producer.id, (plan = makeStandalone(ctx, producer) ?? null));
  return plan ?? undefined;
}

function makeStandalone(ctx: RuleContext, producer: SyntaxNode): Standalone | undefined {
  const stmt = statementOf(producer);
  const target = producer.parent?.type === 'assignment' ? producer.parent.childForFieldName('left') : undefined;
  if (!stmt || target?.type !== 'identifier' || !boundInBlockOnly(ctx, target, stmt.parent!)) return undefined;
  const q = qnameOf(ctx, producer);
  let conda: Conda | undefined;
  if (q === `${CD}.create`) conda = created(ctx, producer, producer);
  else if (q === CD && bindArgs(producer, ['conda_dependencies_file_path'], [])) conda = baseConda();
  if (!conda) return undefined;
  const plan: Standalone = { producer, conda, deletes: [], serializes: [], saves: [], mutations: [] };
  let reading = false;
  const loops = new Set<number>();
  for (const use of [...usesOf(ctx, target)].sort((a, b) => a.startIndex - b.startIndex)) {
    const { path, top } = chainOf(use);
    const inLoop = top.parent?.type === 'call' ? statementOf(top.parent) : undefined;
    const loop = inLoop && !same(inLoop.parent, stmt.parent) ? addLoopOf(ctx, inLoop, target.text) : undefined;
    if (loop && same(loop.loop.parent, stmt.parent)) {
      // `for p in [...]: cd.add_pip_package(p)`: folded like the adds it runs.
      if (loops.has(loop.loop.id)) continue;
      loops.add(loop.loop.id);
      if (reading || !loop.steps.every((st) => st.path.length === 1 && applyMutation(ctx, conda!, st.method, st.call, producer, st.item))) return undefined;
      plan.deletes.push(loop.loop);
      for (const st of loop.steps) plan.mutations.push({ method: st.method, call: st.call, item: st.item });
      continue;
    }
    const assign = use.parent?.type === 'assignment' && same(use.parent.childForFieldName('right'), use) ? use.parent : undefined;
    const left = assign?.childForFieldName('left');
    if (!path.length && left?.type === 'attribute' && /\.python\.conda_dependencies$/.test(left.text) && !plan.given) {
      // Given to an environment (whose fix takes this plan): the object is shared from here on.
      reading = true;
      plan.given = use;
      continue;
    }
    const call = top.parent?.type === 'call' && same(top.parent.childForFieldName('function'), top) ? top.parent : undefined;
    if (!call || path.length !== 1) return undefined;
    const callStmt = statementOf(call);
    if (MUTATIONS.includes(path[0])) {
      // Folded into the dict: before any read, in the producer's block.
      if (reading || !callStmt || !same(callStmt.parent, stmt.parent) || !applyMutation(ctx, conda, path[0], call, producer)) return undefined;
      plan.deletes.push(callStmt);
      plan.mutations.push({ method: path[0], call });
    } else if (path[0] === 'serialize_to_string' && bindArgs(call, [], [])) {
      reading = true;
      plan.serializes.push({ call, cd: use });
    } else if (path[0] === 'save' && call.parent?.type === 'expression_statement') {
      // A statement: v1 returns the file's path, the rewrite what write_text returns.
      const file = bindArgs(call, ['path'], ['path'])?.get('path');
      if (!file) return undefined;
      reading = true;
      plan.saves.push({ call, cd: use, path: [file] });
    } else if (path[0] === 'save_to_file' && call.parent?.type === 'expression_statement') {
      // The deprecated `save_to_file(base_directory, conda_file_path)`: v1 writes to
      // os.path.join(os.path.abspath(base_directory), conda_file_path) (azureml-core conda_dependencies.py);
      // without a file name it picks a run-configuration folder (.azureml or aml_config): not rewritten.
      const args = bindArgs(call, ['base_directory', 'conda_file_path'], ['base_directory', 'conda_file_path']);
      if (!args?.get('base_directory') || !args.get('conda_file_path')) return undefined;
      reading = true;
      plan.saves.push({ call, cd: use, path: [args.get('base_directory')!, args.get('conda_file_path')!] });
    } else return undefined;
  }
  return plan;
}

function standaloneEdits(fb: FixBuilder, ctx: RuleContext, plan: Standalone): Edits | undefined {
  const dict = condaDict(plan.conda, true);
  const indent = lineIndent(ctx, plan.producer);
  const text = plan.producer.startPosition.column + dict.inline.length + (plan.conda.review ? REVIEW.length : 0) <= 100 ? dict.inline : dict.lines.join(`\n${indent}`);
  // The review mark: after the first line of the dict, inside its braces.
  const marked = plan.conda.review ? (text.includes('\n') ? text.replace('\n', `${REVIEW}\n`) : endsLine(ctx, plan.producer) ? `${text}${REVIEW}` : undefined) : text;
  if (marked === undefined) return undefined;
  const edits: Edits = [[plan.producer, marked]];
  for (const s of plan.deletes) {
    if (!aloneOnLines(ctx, s)) return undefined;
    edits.push([wholeLines(ctx, s), '']);
  }
  if (plan.serializes.length || plan.saves.length) {
    const pathlib = plan.saves.length ? fb.needModule('pathlib') : '';
    const yaml = fb.needModule('yaml');
    for (const r of plan.serializes) edits.push([r.call, `${yaml}.safe_dump(${r.cd.text})`]);
    for (const r of plan.saves) edits.push([r.call, `${pathlib}.Path(${r.path.map((p) => p.text).join(', ')}).write_text(${yaml}.safe_dump(${r.cd.text}))`]);
  }
  return edits;
}

export const ENVIRONMENT: Rewrites = {
  calls: {
    [ENV]: producerBuilder,
    [`${ENV}.from_conda_specification`]: producerBuilder,
    [`${ENV}.from_docker_image`]: producerBuilder,
    [`${ENV}.from_pip_requirements`]: producerBuilder,
    [`${ENV}.from_dockerfile`]: producerBuilder,
    // ENV2: Environment.get(ws, name) → ml_client.environments.get(name=..., version=... | label="latest").
    [`${ENV}.get`]: producerBuilder,
    [`${ENV}.register`]: pieceBuilder,
    ...Object.fromEntries([...MUTATIONS, 'serialize_to_string'].map((m): [string, Builder] => [`${ENV}.python.conda_dependencies.${m}`, pieceBuilder])),
    [CD]: condaPieceBuilder,
    [`${CD}.create`]: condaPieceBuilder,
    ...Object.fromEntries([...MUTATIONS, 'serialize_to_string', 'save', 'save_to_file'].map((m): [string, Builder] => [`${CD}.${m}`, condaPieceBuilder])),
  },
  attributes: {
    ...Object.fromEntries(CONFIG_PATHS.map((p): [string, Builder] => [`${ENV}.${p}`, pieceBuilder])),
    ...Object.fromEntries(['azureml.core.runconfig.DEFAULT_CPU_IMAGE', 'azureml.core.runconfig.DEFAULT_GPU_IMAGE', 'azureml.core.environment.DEFAULT_GPU_IMAGE'].map((q): [string, Builder] => [q, defaultImageBuilder])),
  },
};
