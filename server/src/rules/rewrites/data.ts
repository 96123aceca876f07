/**
 * Rewrites to SDK v2 of datasets and data movement (AML107; datastore registration and upload,
 * AML106). Datastore lookups (`Datastore.get`, `Datastore(ws, name)`) stay in workspace.ts, and so
 * does `Dataset.get_by_name` read for name/version (this table's builder falls back to it).
 *
 * Rewritten:
 * - `Datastore.register_azure_blob_container / register_azure_file_share /
 *   register_azure_data_lake_gen2(ws, ...)` → `ml_client.create_or_update(AzureBlobDatastore /
 *   AzureFileDatastore / AzureDataLakeGen2Datastore(...))` with the same credentials (DS:
 *   https://learn.microsoft.com/azure/machine-learning/how-to-datastore), when the variable is
 *   read only for `name` and never handed to v1 code.
 * - `datastore.upload(src_dir, target_path, overwrite)` / `datastore.upload_files([files],
 *   target_path, overwrite)` → `AzureMachineLearningFileSystem(<datastore URI>).upload(lpath,
 *   rpath, recursive, overwrite=...)` (azureml-fsspec, the documented upload in
 *   https://learn.microsoft.com/azure/machine-learning/how-to-access-data-interactive).
 *   Decision: v2 has no datastore upload; the other documented way, a `Data` asset from a local
 *   path, uploads under a generated path (`LocalUpload/<hash>/...`) and needs an asset name v1
 *   never gave, so later `(datastore, "target/x.csv")` paths would not find the files. fsspec
 *   writes to the same datastore and path, so the data ends where v1 put it. v1 overwrite=False
 *   skips existing files = fsspec "APPEND" (keeps the existing file); True = "MERGE_WITH_OVERWRITE"
 *   (azureml-fsspec spec.py `_STRING_TO_PYIFDESTINATIONEXISTS`). Marked `# amlint: review`: it needs
 *   the `azureml-fsspec` package. upload_files only when every file (a literal, or a name bound once to one:
 *   `files=[FILE_PATH]`) is in one directory (v1 puts
 *   each under target_path by its path relative to the files' common root; fsspec flattens by
 *   the common prefix: the same only then); the list may be a variable bound once and read only there, and
 *   `relative_root` the files' own folder (each file then at target_path/<name>, as without it: v1's reference,
 *   "if we upload /path/to/file.txt, and we define the base path to be /path ... /to/file.txt",
 *   https://azure.github.io/azureml-sdk-for-r/reference/upload_files_to_datastore.html; another root keeps
 *   subfolders fsspec would flatten: no fix). A target_path may be a name bound once to a literal. `Dataset.File.upload_directory(src_dir, target=(datastore,
 *   path) | DataPath(datastore, path)[, overwrite=])` as a statement is the same upload (v1 skips existing
 *   files there too without overwrite=True: azureml.data._upload_helper `_start_upload_task`).
 *   A target_path starting with "/" (or "./") names the path without it: v1 strips it (azureml-core
 *   azure_storage_datastore.py `_sanitize_target_path`, `^(\.*[/\\])*`, for upload and upload_files).
 *   The datastore may be looked up inline as the upload's receiver (`ws.get_default_datastore().upload_files(...)`,
 *   DP-100 04B; `Datastore.get(ws, "n").upload(...)`): the URI then names `{ml_client.datastores.get_default().name}`
 *   or the literal name (a computed name: no fix).
 * - `Dataset.Tabular.from_delimited_files(path, ...)` → `mltable.from_delimited_files(paths=[{"file"
 *   | "folder" | "pattern": uri}], ...)` (MLT: https://learn.microsoft.com/azure/machine-learning/how-to-mltable,
 *   https://learn.microsoft.com/python/api/mltable/mltable.mltable): the v2 equivalent of a
 *   TabularDataset (headers, delimiter, type inference) that also has `to_pandas_dataframe()`.
 *   `Dataset.Tabular.from_parquet_files(path[, validate, include_path])` → `mltable.from_parquet_files(paths=[...],
 *   include_path_column=)` the same way (its reads, its registration; not AutoML's get-or-register chains).
 *   A list of paths in a variable bound once and read only by the call (`datastore_paths = [(ds, "a.csv")]`,
 *   how-to-create-register-datasets) becomes the list of mltable paths. `TabularDatasetFactory().from_delimited_files(...)`
 *   (a static method called on an instance) is the same call.
 *   A path written in parentheses (`(datastore, ("data/x.csv"))`) is the same path. A path may be a
 *   `DataPath(datastore, path_on_datastore[, name])` (its `name` only names the DataPath: azureml-core DataPath
 *   reference), also in a variable bound once and read only by the call (its statement then holds the mltable
 *   path), and its relative path `os.path.join(a, b, ...)` of literals or names bound once to one (MLOpsPython,
 *   lab notebooks: `os.path.join(target_path, "x.csv")`), joined with "/" as posixpath does on AML's Linux machines.
 *   A path (here, in a registered `from_files`, and an upload's target_path) may be a constant string expression
 *   (`constPath`): `a + b` of literals and names bound once to one, or an f-string whose fields are such names with
 *   no conversion or format spec (`f"data/train_v{version}"`), written as the value Python evaluates it to.
 *   A path with a `.` segment (`datastore.path("./data/x.csv")`) is refused: `.../paths/./data/x.csv` is not shown
 *   to name the blob v1 read (the leading "./" v1 strips is documented for upload target paths only).
 *   Datastore paths become long-form `azureml://subscriptions/.../datastores/<name>/paths/<p>`
 *   URIs (the form mltable and azureml-fsspec read outside a job) built from the v2 client of
 *   the datastore's workspace and the datastore's name (the literal it was asked for, else
 *   `{datastore.name}`: a v1 and a v2 datastore both have `name`).
 *   Only when every read of the dataset is an MLTable method of the same meaning:
 *   `to_pandas_dataframe()`, `take(n)`, `drop_columns(c)`, `keep_columns(c)` (MLT, mltable.MLTable;
 *   `keep_columns(c, validate=...)` only loaded at once by `.to_pandas_dataframe()`, `validate` dropped),
 *   followed through variables, `a, b = ds.random_split(percentage=<float literal>[, seed=])` →
 *   `random_split(percent=, seed=)` (mltable.MLTable.random_split: the same two random_percent
 *   samples on one seed; each part's reads checked in turn; a part bound again later, `a = a.to_pandas_dataframe()`,
 *   when the split binding alone reaches its uses: reach.ts `soleBinding`), and `register(...)` (passing it to v1
 *   code, with_timestamp_columns... keep the v1 dataset). `register` becomes `ds.save("./<name>")` +
 *   `ml_client.data.create_or_update(Data(type=MLTABLE, ...))`; `ds = ds.register(...)` read as a
 *   table keeps `ds` the MLTable (`x = ds.register(...)` read for `x.name` / `x.version`: those reads go with the
 *   fix). The registration's workspace may stay v1 (a use without a v2 form): the client bridged beside it
 *   (clientOf), not under the get-or-register test. A name in a variable: bound once, or bound again in a
 *   later notebook cell when its binding alone reaches the registration (reach.ts `soleBinding`); a name v2
 *   refuses in such a variable (bound once) is renamed when the variable is otherwise only printed.
 *   Without create_new_version=True (v1 registers only a new name, as version 1, and fails with 409 on an
 *   existing one: azureml-core abstract_dataset.py `_register`) → `Data(..., version="1")` (an existing version 1
 *   of other data fails in v2 too: AssetPathException, azure-ai-ml _data_operations.py; not in a `try` body, whose handler
 *   may answer v1's 409: v2 raises another error, or none for the same data; nor in a loop); under the get-or-register
 *   test (`if key in ws.datasets[.keys()]: ... else: <register>`, `if key not in ...`, or the
 *   Udacity `found` flag) v1 registers a new name, as v2 does without a version; the test becomes
 *   `key in [d.name for d in ml_client.data.list()]` and `x = ws.datasets[key]` in the other branch
 *   a registered read (below). A name v2 refuses with spaces or dots (`ASSET_NAME`; the DP-100 labs'
 *   "diabetes dataset") is registered and read with each run of them as "-" (`assetName`), marked
 *   `# amlint: review`, every rewrite alike, only where every literal of the v1 name in the module is
 *   such a registration or table read (`renameConsistent`: no v1 reader of the old name left beside it).
 *   The get-or-register test keyed by a variable bound once to such a name (the Udacity starter notebooks'
 *   `key = "BankMarketing Dataset"`, then `dataset = ws.datasets[key]` in the test's branch): the variable's
 *   literal is renamed (marked), when the test, that lookup and the registration are its only readers and
 *   no other literal of the module holds the v1 name (`renamedKey`); not a bare register-if-missing test.
 *   `ws.datasets[.keys()]` read only for names outside that idiom: workspace.ts `datasetNamesFix`.
 * - A registered dataset read as a table, `x = ws.datasets[key]` / `x = ws.datasets.get(key)` (no default: the
 *   same dict of latest versions) / `x = Dataset.get_by_name(ws, name[, version])` → `x = mltable.load("azureml:/" + ml_client.data.get(name=..., label="latest" |
 *   version=...).id)` (MLT, "Read the data asset"; also read in place, `Dataset.get_by_name(ws, name="n").to_pandas_dataframe()`
 *   / `ws.datasets["n"].take(5)...`, the mark then at the end of its statement), marked `# amlint: review`: an asset registered
 *   by v1 as a TabularDataset fails to load this way (https://github.com/Azure/azure-sdk-for-python/issues/38944);
 *   one registered by the rewritten code loads. (A get_by_name read only for name/version is workspace.ts's.)
 *   Not in a try body with a handler narrower than `Exception` (`except KeyError:` / `UserErrorException:`):
 *   v2 raises ResourceNotFoundError, which that handler would no longer catch.
 * - A tabular dataset handed to one v1 call (AutoMLConfig training_data) offers that call's fix when
 *   it rewrites the dataset (automl.ts); `tabularReadEdits` (exported) gives that fix the dataset's
 *   other MLTable reads, `registeredDatasetEdits` the whole get-or-register chain of a dataset
 *   AutoML takes by its registered name, `splitDatasetEdits` the whole chain of random_split parts
 *   AutoML takes as training/validation data (each part saved to `./<part>-mltable`).
 * - A dataset handed to a function of the module (`x, y = clean_data(ds)`, the Udacity train.py):
 *   one level, when the function is a module-level def called only there, with plain parameters
 *   (then ones with defaults the call leaves: `clean_data(white, red)` of `def clean_data(w, r, numeric=True)`),
 *   and reads the parameter only as `param.to_pandas_dataframe()` (checked on the syntax: the model
 *   does not walk bodies that name no SDK), or binds it again to that at the body's top level
 *   (`data = data.to_pandas_dataframe()`, then a DataFrame whatever reads it). Not a helper imported
 *   from another module (`from train import clean_data`: its body is not seen), nor a producer in a
 *   `try` with a fallback (v1 validates the data at creation, mltable only when it loads).
 * - `datastore.name` → the literal name the datastore was asked for (`Datastore(ws, "x")`), or
 *   `ml_client.datastores.get_default().name` for the default datastore; a registered datastore's
 *   reads go with its registration.
 * - Job inputs: `dataInput` (exported for jobs.ts / pipelines.ts) turns `ds.as_named_input("x").as_mount()`
 *   of a folder FileDataset into `Input(type=URI_FOLDER, path=..., mode=RO_MOUNT)` (of one file, no pattern:
 *   `URI_FILE`, v1 handing the job the file's own path too), and of a registered
 *   one, `Dataset.get_by_name(ws, "n"[, version=v]).as_mount()` (a mount means a FileDataset), into
 *   `Input(type=URI_FOLDER, path="azureml:n@latest" | "azureml:n:v", ...)` (a name given by a variable bound
 *   alike at the mount: `f"azureml:{name}@latest"`, latest version only) (v1 FileDatasets are uri_folder
 *   inputs to v2 jobs: MIG); the findings of the dataset and its consumption chain offer the fix of the
 *   v1 job configuration holding them (directly, or through `args = [...]` used once as its argument).
 *   A folder dataset variable read elsewhere too (MLN train-with-datasets: `dataset.to_path()`, `dataset.register(...)`,
 *   the name bound again in later cells) stays v1 for those reads, the input naming the folder's datastore URI
 *   inline, when that binding alone reaches its uses (reach.ts `soleBinding`); the input is named after its
 *   `as_named_input` name when no option precedes it (jobs.ts).
 *   A lookup variable bound elsewhere too or read otherwise (the keras MLN notebook's
 *   `dataset = Dataset.get_by_name(ws, name)` then `dataset.to_path()`) stays for those reads, the job
 *   reading the asset by name, when the mount is a simple statement after it in the same block (no
 *   other binding reaches it). Not the tensorflow MLN shape: a `from_files` of several URLs (no one
 *   v2 path) that `if not registered: dataset = dataset.register(...)` may rebind, read by `to_path()`.
 *   The lookup may also be `ws.datasets.get("n")` / `ws.datasets["n"]` (v1's dict of latest versions); an
 *   assigned `ws.datasets.get(...)` nothing reads any more (its jobs rewritten) goes.
 *   The consumption may be a variable of its own made from a dataset variable (the
 *   how-to-create-machine-learning-pipelines shape: `my_dataset = Dataset.File.from_files(...)`, `ds_input =
 *   my_dataset.as_named_input("n")`, `ds_input.as_download()`; or `x = lookup.as_named_input("n")` of a registered
 *   lookup variable): when that variable is bound once (or alone reaches its use) and read only there, its
 *   statement goes and the dataset variable is read as above (the URI, or the asset by name).
 * - `Dataset.get_all(ws)` read only for its names (`in` tests, `.keys()`, iterated, `len`/`list`): v1's dict of
 *   the registered datasets by name (azureml-core dataset.py `get_all`), as `ws.datasets` →
 *   `{d.name: d for d in ml_client.data.list()}` (DataOperations.list); not when its values are read.
 * - A table given whole to a notebook job (`ds.as_named_input("x")`, ds a lookup of "n"): `tableInput`
 *   (for jobs.ts, whose script side reads it with mltable) → `Input(type=MLTABLE, path="azureml:n'@latest")`,
 *   only when the document registers n' (assetName) as an MLTable asset in v2 code (registerEdit's), so
 *   the rename stays consistent (renameConsistent accepts such lookups when the jobs take them,
 *   jobTakesTable); a registered name's `"n" [not] in ws.datasets` tests are renamed with the registration.
 * - A registered FileDataset, `x = Dataset.File.from_files(path=(datastore, "p"))` + `x.register(ws, name,
 *   create_new_version=True)` → `ml_client.data.create_or_update(Data(path="azureml://datastores/<name>/paths/p",
 *   type=URI_FOLDER | URI_FILE, ...))` (DATA), the producer's statement removed; without create_new_version=True
 *   with `version="1"`, as a table's registration.
 *
 * Not rewritten: `Dataset.File.from_files` other than registered or mounted in a job, file datasets
 * registered with a computed create_new_version or read after registration (`to_path()`, `download()`),
 * `ws.set_default_datastore(name)` (v2 exposes no default-datastore setting: "We don't have default properties
 * exposed in V2", https://github.com/Azure/azure-cli/issues/23322), `FileDataset.to_path()` (no v2 listing of a
 * data asset; azureml-fsspec `ls`/`glob` list datastore paths, not v1's paths relative to the dataset root),
 * `Dataset.File.from_files` of several URLs (a v2 Data asset has one path),
 * `x = ds.register(...)` read otherwise than `x.name` / `x.version` (`print(x)`: v1 prints the dataset's definition,
 * v2's Data asset shows another text), `Dataset.File.upload_directory(..., pattern=)` (no documented fsspec filter),
 * computed datastore paths other than os.path.join or constant expressions of literals (`str(v)`, calls, parameters, `{v!r}`: the value and
 * the path kind are unknown),
 * `register_pandas_dataframe` (no v2 API; the
 * migration guide has none), SQL datastores (no v2), `run.input_datasets[...]` in a job script not in the
 * document (the v2 job passes a path: the submitting code must change with it; jobs.ts), a v1-registered
 * table given to a job (mltable cannot load it, issue 38944), a tabular dataset handed to v1 code
 * (AutoMLConfig training_data, Model.register sample datasets, profiling: automl.ts / deploy.ts),
 * `with_timestamp_columns`, `set_column_types` / `DataType` (MLTable types differ), `random_split`
 * with an int or computed percentage (mltable wants a float literal in (0, 1); v1 also takes 0, 1,
 * ints) or kept as one tuple. Asset names v2 refuses (`ASSET_NAME`, the REST API's pattern) for more than
 * spaces and dots (`"_x"`, `"a(b)"`), a renamed name read through a variable (it may have other readers),
 * a renamed name in a job input (`dataInput`: no line for the review mark). Renaming is a decision: v2
 * cannot register the v1 name at all; v1 code left unmigrated keeps reading the v1 name's old versions.
 * The datastore URI's client (`datastorePrefix`) may be the whole-workspace fix including this
 * call's rewrite (the datastore read only here becomes v2 with it).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, literalText, stringValue, FixBuilder } from '../fixes';
import { nodeRange, type RuleContext } from '../rule';
import { ASSET_NAME, declaredGlobal, endsLine, enclosingTry, inLoop, ownLineIndent, narrowlyTried, statementLines, assignedName, combined, insideV1Call, kwargs, memberOf, noArgs, onlyValue, printedOnly, qnameOf, receiver, same, textRange, usesOf, type Builder, type Edits, type Rewrites, soleCallArgument, soleUse } from './common';
import { clientOf, datasetNames, datasetNamesFix, keysOnly, WORKSPACE } from './workspace';
import { soleBinding } from './reach';
import { stableAt } from './environment';

const REVIEW = '  # amlint: review';
/**
 * The v2 name of a v1 dataset name: itself when v2 accepts it (ASSET_NAME); else, for the names v1
 * took and v2 refuses with spaces or dots (the DP-100 labs' "diabetes dataset"), the same name with
 * each run of them as "-" (renamed: the caller marks the line `# amlint: review`). Every rewrite
 * (registrations and table reads) renames alike, so rewritten writers and readers agree; undefined
 * when that is not enough.
 */
export function assetName(v: string | undefined): { name: string; renamed: boolean } | undefined {
  if (v === undefined) return undefined;
  if (ASSET_NAME.test(v)) return { name: v, renamed: false };
  const name = v.replace(/[ .]+/g, '-');
  return ASSET_NAME.test(name) ? { name, renamed: true } : undefined;
}

/**
 * `lit` is the key of a registration test, `"n" [not] in ws.datasets[.keys()]` (v1's registered names), or
 * of the v2 listing workspace.ts writes for it (a comprehension over `<client>.data.list()`): the container,
 * which registerEdit renames alike (the asset v2 registers is the renamed one).
 */
function nameTest(ctx: RuleContext, lit: SyntaxNode): SyntaxNode | undefined {
  const test = lit.parent;
  if (test?.type !== 'comparison_operator' || test.namedChildren.length !== 2 || !same(test.namedChildren[0], lit)) return undefined;
  const op = test.children.filter((c) => !c.isNamed).map((c) => c.text).join(' ');
  const container = test.namedChildren[1];
  if (op !== 'in' && op !== 'not in') return undefined;
  let dict: SyntaxNode | null = container;
  const fn = dict.type === 'call' ? dict.childForFieldName('function') : undefined;
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'keys' && noArgs(dict)) dict = fn.childForFieldName('object');
  if (dict && isDatasets(ctx, dict)) return container;
  const listing = /comprehension$/.test(container.type) && /^[[{]d\.name(: d)? for d in \w+\.data\.list\(\)[\]}]$/.test(container.text);
  return listing && !container.descendantsOfType(['identifier', 'attribute', 'call']).some((x) => sdkOf(ctx.model.evaluate(x)) === 'v1') ? container : undefined;
}

/**
 * renameConsistent's answers per model and v1 name (the probe builds whole job lifecycles, asked once per
 * read and registration of the name); 'pending' while that name is probed (a read's own check recurses
 * into it, and is taken as consistent, as the probe's answer will decide).
 */
const renameAnswers = new WeakMap<RuleContext['model'], Map<string, boolean | 'pending'>>();

/**
 * A rename (assetName) keeps the module consistent: every string literal of the v1 name `v1` is the
 * name of a dataset registration (renamed alike), directly or through a variable bound once to it and
 * read only as such names, or the name of a registered dataset read as a table that registeredEdits
 * rewrites (renamed alike). Else v1 code left as it is (`ws.datasets.get("diabetes dataset")` handed
 * to a v1 job) would no longer find what the rewritten registration writes.
 */
function renameConsistent(ctx: RuleContext, v1: string): boolean {
  let answers = renameAnswers.get(ctx.model);
  if (!answers) renameAnswers.set(ctx.model, (answers = new Map()));
  const known = answers.get(v1);
  if (known !== undefined) return known !== false;
  answers.set(v1, 'pending');
  let answer: boolean;
  try {
    answer = probeRename(ctx, v1);
  } catch (error) {
    // (not left pending: a pending name counts as consistent)
    answers.delete(v1);
    throw error;
  }
  answers.set(v1, answer);
  return answer;
}

function probeRename(ctx: RuleContext, v1: string): boolean {
  const REGISTERS = ['azureml.data.TabularDataset.register', 'azureml.data.FileDataset.register', 'azureml.core.Dataset.register'];
  /**
   * `node` is the name argument of a registration (`register(ws, name)`, `register(name=...)`) that is rewritten
   * (it writes the renamed literal, registerEdit): its producer's whole chain (tabularEdits, fileRegisterEdits) built
   * on a throwaway builder, as the lookups below are, so the answer does not depend on which finding asks first.
   * A registration left v1 (in a loop, a `try` body, ...) still writes the v1 name.
   */
  const registrationName = (node: SyntaxNode): boolean => {
    const arg = node.parent?.type === 'keyword_argument' && same(node.parent.childForFieldName('value'), node) ? node.parent : node;
    const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
    const a = call?.type === 'call' && REGISTERS.includes(qnameOf(ctx, call) ?? '') ? bindArgs(call, ['workspace', 'name'], ['workspace', 'name', 'description', 'tags', 'create_new_version']) : undefined;
    if (!a || !same(a.get('name'), node)) return false;
    if (qnameOf(ctx, call!) === 'azureml.data.FileDataset.register') {
      const ds = call!.childForFieldName('function')?.childForFieldName('object');
      const made = ds?.type === 'identifier' ? definingCall(ctx, ds) : undefined;
      return !!made && qnameOf(ctx, made) === FROM_FILES && !!fileRegisterEdits(new FixBuilder(ctx, made.startIndex), ctx, made);
    }
    const made = tabularProducer(ctx, call!);
    return !!made && !!tabularEdits(new FixBuilder(ctx, made.startIndex), ctx, made);
  };
  for (const lit of ctx.model.tree.rootNode.descendantsOfType('string')) {
    if (stringValue(lit) !== v1 || registrationName(lit) || nameTest(ctx, lit)) continue;
    // `name = "v1"` (bound once) read only as registration names (each rewritten: it writes the renamed literal,
    // registerEdit) or shown (`print("Registering " + name)`: the v1 name printed, nothing looked up by it).
    const assign = lit.parent;
    const left = assign?.type === 'assignment' && same(assign.childForFieldName('right'), lit) ? assign.childForFieldName('left') : undefined;
    if (left?.type === 'identifier') {
      // (the binding made here: resolveName at the target itself need not find it)
      const b = ctx.model.resolveName(left.text, left) ?? ctx.model.scopeAt(left).bindings.get(left.text)?.find((x) => same(x.node, left));
      const uses = b ? ctx.model.uses.get(b) ?? [] : [];
      if (b && (b.scope.bindings.get(left.text) ?? []).length === 1 && uses.length && uses.every((u) => registrationName(u) || printedOnly(ctx, u)) && uses.some(registrationName)) continue;
      return false;
    }
    // `Dataset.get_by_name(ws, "v1")` / `ws.datasets["v1"]` / `ws.datasets.get("v1")` read as a table (probed on a builder of its own).
    const source = lookupOf(ctx, lit);
    // The lookup given whole to a job that takes the v2 asset (tableInput) with its script.
    if (source && jobTakesTable(ctx, source)) continue;
    if (!source || !registeredEdits(new FixBuilder(ctx, source.startIndex), ctx, source)) return false;
  }
  return true;
}

/** The registered dataset lookup whose name `node` is: `ws.datasets[node]`, `Dataset.get_by_name(ws, node)`, `ws.datasets.get(node)`. */
function lookupOf(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  if (node.parent?.type === 'subscript' && same(node.parent.childForFieldName('subscript'), node)) return node.parent;
  const arg = node.parent?.type === 'keyword_argument' && same(node.parent.childForFieldName('value'), node) ? node.parent : node;
  const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
  const q = call?.type === 'call' ? qnameOf(ctx, call) : undefined;
  const a = q === GET_BY_NAME ? bindArgs(call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version'])?.get('name') : q === DATASETS_GET ? bindArgs(call!, ['key'], ['key'])?.get('key') : undefined;
  return a && same(a, node) ? call! : undefined;
}

const FROM_DELIMITED = 'azureml.core.Dataset.Tabular.from_delimited_files';
const FROM_PARQUET = 'azureml.core.Dataset.Tabular.from_parquet_files';
/** The v1 tabular producers rewritten as mltable tables (MLT: mltable.from_delimited_files / from_parquet_files). */
const TABULAR = [FROM_DELIMITED, FROM_PARQUET];
const FROM_FILES = 'azureml.core.Dataset.File.from_files';
const GET_BY_NAME = 'azureml.core.Dataset.get_by_name';

// ---------------------------------------------------------------------------------------------
// Shared checks


/** A string literal's value usable inside a double-quoted f-string (no quotes, braces, escapes). */
function fValue(node: SyntaxNode | undefined): string | undefined {
  const v = stringValue(node);
  return v !== undefined && !/["{}\n]/.test(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Datastore URIs

/** Where a datastore variable comes from: its workspace expression, and the name it was asked for (undefined: the default datastore). */
interface Origin {
  ws: SyntaxNode;
  name?: SyntaxNode;
}

/** The origin of a datastore variable: a v1 lookup or registration, or a v2 `ml.datastores.get(name=...)` / `get_default()`. */
function datastoreOrigin(ctx: RuleContext, ds: SyntaxNode): Origin | undefined {
  if (ds.type !== 'identifier') return undefined;
  const made = definingCall(ctx, ds);
  return made && callOrigin(ctx, made);
}

/** The origin of the datastore a call returns (`ws.get_default_datastore()`, `Datastore.get(ws, "n")`, ...). */
function callOrigin(ctx: RuleContext, made: SyntaxNode): Origin | undefined {
  const q = qnameOf(ctx, made);
  const fn = made.childForFieldName('function');
  const a = callArgs(made);
  const ws = a.keywords.get('workspace') ?? a.positional[0];
  if (q === 'azureml.core.Workspace.get_default_datastore') return fn?.type === 'attribute' ? { ws: fn.childForFieldName('object')! } : undefined;
  if (q === 'azureml.core.Datastore.get_default') return ws && { ws };
  if (q === 'azureml.core.Datastore') return ws && { ws, name: a.keywords.get('name') ?? a.positional[1] };
  if (q === 'azureml.core.Datastore.get' || q?.startsWith('azureml.core.Datastore.register_azure_')) {
    const name = a.keywords.get('datastore_name') ?? a.positional[1];
    return ws && name ? { ws, name } : undefined;
  }
  // Already v2: `ml_client.datastores.get_default()` / `.get(name)` on a v2 MLClient.
  const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const ml = obj?.type === 'attribute' && obj.childForFieldName('attribute')?.text === 'datastores' ? obj.childForFieldName('object') : undefined;
  const v = ml ? ctx.model.evaluate(ml) : undefined;
  if (!ml || v?.kind !== 'instance' || v.type !== 'azure.ai.ml.MLClient' || sdkOf(v) !== 'v2') return undefined;
  const method = fn?.childForFieldName('attribute')?.text;
  if (method === 'get_default') return { ws: ml };
  const name = a.keywords.get('name') ?? a.positional[0];
  return method === 'get' && name ? { ws: ml, name } : undefined;
}

/**
 * The long-form URI prefix `f"azureml://subscriptions/.../datastores/{ds.name}/paths/` (no closing
 * quote) of the datastore variable `ds`, read at `at`, and the edits the v2 client takes
 * (https://learn.microsoft.com/python/api/azureml-fsspec/azureml.fsspec.azuremachinelearningfilesystem).
 */
function datastorePrefix(fb: FixBuilder, ctx: RuleContext, ds: SyntaxNode, at: SyntaxNode, inlineOk = false): { prefix: string; edits: Edits } | undefined {
  // A lookup written inline as an upload's receiver (`ws.get_default_datastore().upload_files(...)`, 04B) is
  // replaced with the call holding it (only there: other callers, e.g. AutoML's data chains, keep refusing it).
  const inline = inlineOk && ds.type === 'call' && at.startIndex <= ds.startIndex && ds.endIndex <= at.endIndex;
  const origin = inline ? callOrigin(ctx, ds) : datastoreOrigin(ctx, ds);
  const ws = origin?.ws;
  // The datastore (and a workspace variable) name the same binding where the v2 code reads them.
  if (!ws || (!inline && ctx.model.resolveName(ds.text, ds) !== ctx.model.resolveName(ds.text, at))) return undefined;
  if (ws.type === 'identifier' && ctx.model.resolveName(ws.text, ws) !== ctx.model.resolveName(ws.text, at)) return undefined;
  // (The call rewritten here may hold the datastore: the workspace's fix may include it.)
  const c = clientOf(fb, ctx, ws, at);
  if (!c || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.ml)) return undefined;
  const ml = c.ml;
  // A datastore asked for by a literal name: that name; else the variable's (v1 and v2 both have `name`).
  const name = fValue(origin.name);
  // Inline, the default datastore's name is asked of v2 (DS: datastores.get_default); another name only as a literal.
  if (inline && origin.name && !(name && /^[A-Za-z0-9_]+$/.test(name))) return undefined;
  const store = name && /^[A-Za-z0-9_]+$/.test(name) ? name : inline ? `{${ml}.datastores.get_default().name}` : `{${ds.text}.name}`;
  return { prefix: `f"azureml://subscriptions/{${ml}.subscription_id}/resourcegroups/{${ml}.resource_group_name}/workspaces/{${ml}.workspace_name}/datastores/${store}/paths/`, edits: c.edits };
}

/**
 * `datastore.name`: the literal name the datastore was asked for, or for the default datastore
 * `ml.datastores.get_default().name` (DS: datastores.get_default) on the client of its workspace.
 */
const datastoreNameRead: Builder = (fb, ref, ctx) => {
  const ds = receiver(ref);
  const origin = ds && datastoreOrigin(ctx, ds);
  if (!ds || !origin) return undefined;
  const made = definingCall(ctx, ds)!;
  // A registered datastore: its registration's rewrite keeps the read.
  if (qnameOf(ctx, made)?.startsWith('azureml.core.Datastore.register_azure_')) return fb.sameFixAs(made);
  if (origin.name) return origin.name.type === 'string' && literalText(origin.name) !== undefined ? origin.name.text : undefined;
  if (origin.ws.type === 'identifier' && ctx.model.resolveName(origin.ws.text, origin.ws) !== ctx.model.resolveName(origin.ws.text, ref.node)) return undefined;
  const c = clientOf(fb, ctx, origin.ws);
  if (!c) return undefined;
  // The whole-workspace rewrite makes the datastore itself v2 (`ws.datastores.get_default()`): the read stays.
  const kept = c.edits.some(([n]) => same(n, made));
  return combined(fb, ref.node, [[ref.node, kept ? ref.node.text : `${c.ml}.datastores.get_default().name`], ...c.edits]);
};

// ---------------------------------------------------------------------------------------------
// Upload

/** A relative datastore path literal (not absolute, no `..`). */
function relativePath(node: SyntaxNode | undefined): string | undefined {
  return relativeValue(fValue(node));
}

/**
 * The value of a path written as a constant string expression: a literal (fValue), `a + b` of such parts, an
 * f-string whose replacement fields are plain names (`f"data/train_v{version}"`; no `!r` conversion, no format
 * spec), or a name bound once (in its scope; an augmented `+=` is a binding too) to one of these. Each name ends
 * in string literals, so `+` concatenates and `{name}` is the string itself (Python: `format(s, "")` of a str is
 * s): the value is what the expression evaluates to. Undefined for anything else (calls, numbers, parameters,
 * names bound more than once).
 */
function constPath(ctx: RuleContext, node: SyntaxNode | undefined, depth = 0): string | undefined {
  if (!node || depth > 8) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildren.length === 1 ? constPath(ctx, node.namedChildren[0], depth + 1) : undefined;
    case 'identifier': {
      const value = onlyStatementValue(ctx, node);
      return value && constPath(ctx, value, depth + 1);
    }
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.text !== '+') return undefined;
      const left = constPath(ctx, node.childForFieldName('left') ?? undefined, depth + 1);
      const right = left === undefined ? undefined : constPath(ctx, node.childForFieldName('right') ?? undefined, depth + 1);
      return left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'string': {
      const plain = fValue(node);
      if (plain !== undefined) return plain;
      const [start, ...rest] = node.children;
      const end = rest.pop();
      if (!start || !/^[fF]("|')$/.test(start.text) || end?.type !== 'string_end') return undefined;
      let value = '';
      for (const part of rest) {
        if (part.type === 'string_content' && !/["{}\\\n]/.test(part.text)) value += part.text;
        else if (part.type === 'interpolation' && part.namedChildren.length === 1 && part.namedChildren[0].type === 'identifier') {
          const v = constPath(ctx, part.namedChildren[0], depth + 1);
          if (v === undefined) return undefined;
          value += v;
        } else return undefined;
      }
      return value;
    }
    default:
      return undefined;
  }
}

/**
 * A relative datastore path (not absolute, no `..`, no `.` segment). A `.` segment (`datastore.path("./data/x.csv")`)
 * is not written into a URI: `.../paths/./data/x.csv` is not shown to name the blob v1 read (v1's stripping of a
 * leading "./" is documented for upload target paths only, see `upload`, where it is stripped before this check).
 */
function relativeValue(v: string | undefined): string | undefined {
  return v && !v.startsWith('/') && !v.split('/').some((s) => s === '..' || s === '.') ? v : undefined;
}

/**
 * v1's `overwrite=` of an upload as the azureml-fsspec `upload(..., overwrite=)` mode: absent or False (v1 skips
 * the files that exist) "APPEND", which keeps an existing file; True "MERGE_WITH_OVERWRITE" (azureml-fsspec spec.py
 * `_STRING_TO_PYIFDESTINATIONEXISTS`); undefined for any other expression.
 */
function uploadMode(overwrite: SyntaxNode | undefined): string | undefined {
  return overwrite === undefined || overwrite.text === 'False' ? '"APPEND"' : overwrite.text === 'True' ? '"MERGE_WITH_OVERWRITE"' : undefined;
}

/** `datastore.upload(src_dir, target_path, overwrite)` / `datastore.upload_files(files, target_path=..., overwrite=...)` → azureml-fsspec upload to the same path. */
function upload(dir: boolean): Builder {
  return (fb, ref, ctx) => {
    const call = ref.call!;
    const ds = receiver(ref);
    const stmt = call.parent;
    // v1 returns a DataReference: only as a statement.
    if (!ds || stmt?.type !== 'expression_statement' || !endsLine(ctx, stmt)) return undefined;
    const a = dir
      ? bindArgs(call, ['src_dir', 'target_path', 'overwrite', 'show_progress'], ['src_dir', 'target_path', 'overwrite', 'show_progress'])
      : bindArgs(call, ['files', 'relative_root', 'target_path', 'overwrite', 'show_progress'], ['files', 'relative_root', 'target_path', 'overwrite', 'show_progress']);
    const target = a?.get('target_path');
    // v1 strips a leading "/" (or "./", "../", repeated) from target_path before it names the blobs
    // (azureml-core azure_storage_datastore.py `_sanitize_target_path`, regex `^(\.*[/\\])*`, applied in
    // `_get_upload_from_files` for both upload and upload_files): the path written without it is the same place.
    // (a name bound once to the literal, MLOpsPython's `target_path = 'training-data/'`: its value)
    const written = constPath(ctx, target);
    const stripped = written?.replace(/^(\.*[/\\])*/, '');
    const targetValue = relativeValue(stripped);
    const mode = uploadMode(a?.get('overwrite'));
    if (!a || !target || !targetValue || !mode) return undefined;
    let lpath: string;
    let rpath = stripped === written ? target.text : JSON.stringify(targetValue);
    if (dir) {
      const src = a.get('src_dir');
      if (!src) return undefined;
      lpath = src.text;
    } else {
      // A list of literal files (or names bound once to one: `files=[FILE_PATH]`), all in one directory: each lands at target_path/<file name>.
      // The list may be a variable bound once to it and read only here (`files_list = [...]`, then `files=files_list`).
      const files = a.get('files');
      const list = files && pathList(ctx, files);
      const items = (list ?? files)?.type === 'list' ? (list ?? files)!.namedChildren.filter((c) => c.type !== 'comment') : [];
      const values = items.map((i) => fValue(i.type === 'identifier' ? boundLiteral(ctx, i) : i));
      if (!items.length || values.some((v) => !v || v.endsWith('/'))) return undefined;
      const dirs = new Set(values.map((v) => v!.slice(0, v!.lastIndexOf('/') + 1)));
      if (dirs.size !== 1 || new Set(values).size !== values.length) return undefined;
      // relative_root: each file lands at target_path/<its path relative to relative_root> (v1 upload_files; the
      // azureml-sdk-for-r wrapper's reference: "if we upload /path/to/file.txt, and we define the base path to be
      // /path ... it will have the path of /to/file.txt",
      // https://azure.github.io/azureml-sdk-for-r/reference/upload_files_to_datastore.html). Only the files' own
      // directory (then target_path/<file name>, as without it): another root keeps subfolders fsspec would flatten.
      const root = a.get('relative_root');
      if (root) {
        const norm = (v: string | undefined): string | undefined => v?.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
        const dir = [...dirs][0];
        if (root.type !== 'string' || fValue(root) === undefined || norm(fValue(root)) !== norm(dir) || norm(dir) === '' || dir.startsWith('/') !== fValue(root)!.startsWith('/')) return undefined;
      }
      // One file: fsspec puts it *at* rpath unless rpath ends with "/".
      if (items.length === 1) {
        lpath = items[0].text;
        if (!targetValue.endsWith('/')) rpath = `"${targetValue}/"`;
      } else lpath = files!.text;
    }
    const uri = datastorePrefix(fb, ctx, ds, call, true);
    if (!uri) return undefined;
    const fs = fb.need('azureml.fsspec', 'AzureMachineLearningFileSystem');
    const text = `${fs}(${uri.prefix}").upload(${kwargs([['lpath', lpath], ['rpath', rpath], ['recursive', dir ? 'True' : 'False'], ['overwrite', mode]])})${REVIEW}`;
    return combined(fb, call, [[call, text], ...uri.edits]);
  };
}

/**
 * `Dataset.File.upload_directory(src_dir, target=(datastore, "path") | DataPath(datastore, "path"), overwrite=)`
 * as a statement: the same upload as `datastore.upload` (its FileDataset result unused). v1 without
 * overwrite=True skips the files that exist, as `datastore.upload` does (azureml-core dataset_factory.py
 * `_upload_directory` → azureml-dataprep `upload_dir` → azureml.data._upload_helper `_start_upload_task`:
 * "Target already exists. Skipping"): fsspec "APPEND" (uploadMode), as for `upload`.
 */
const uploadDirectory: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const stmt = call.parent;
  if (stmt?.type !== 'expression_statement' || !endsLine(ctx, stmt)) return undefined;
  const a = bindArgs(call, ['src_dir', 'target', 'pattern', 'overwrite', 'show_progress'], ['src_dir', 'target', 'overwrite', 'show_progress']);
  const target = a?.get('target');
  const [ds, rel] = target ? datastorePath(ctx, target) ?? [] : [];
  const mode = uploadMode(a?.get('overwrite'));
  if (!a || !a.get('src_dir') || !ds || !relativePath(rel) || !mode) return undefined;
  const uri = datastorePrefix(fb, ctx, ds, call);
  if (!uri) return undefined;
  const fs = fb.need('azureml.fsspec', 'AzureMachineLearningFileSystem');
  const text = `${fs}(${uri.prefix}").upload(${kwargs([['lpath', a.get('src_dir')], ['rpath', rel], ['recursive', 'True'], ['overwrite', mode]])})${REVIEW}`;
  return combined(fb, call, [[call, text], ...uri.edits]);
};

const DATA_PATH = 'azureml.data.datapath.DataPath';

/** A datastore path `(datastore, "p")` or `DataPath(datastore, "p")` (no `name`): the datastore and the path. */
function datastorePath(ctx: RuleContext, node: SyntaxNode): [SyntaxNode, SyntaxNode] | undefined {
  if (node.type === 'tuple' && node.namedChildren.length === 2) return [node.namedChildren[0], node.namedChildren[1]];
  const a = node.type === 'call' && qnameOf(ctx, node) === DATA_PATH ? bindArgs(node, ['datastore', 'path_on_datastore', 'name'], ['datastore', 'path_on_datastore']) : undefined;
  return a?.get('datastore') && a.get('path_on_datastore') ? [a.get('datastore')!, a.get('path_on_datastore')!] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tabular datasets → mltable

/** `{"file" | "folder" | "pattern": uri}` for one v1 path: `(datastore, "rel")`, `datastore.path("rel")`, or an http(s) URL. */
function mltablePath(fb: FixBuilder, ctx: RuleContext, node: SyntaxNode, at: SyntaxNode, edits: Edits): string | undefined {
  let ds: SyntaxNode | undefined;
  let rel: SyntaxNode | undefined;
  // A datastore path in a variable bound once and read only here (`training_data_path = DataPath(...)`, then
  // `path=training_data_path`): the variable's statement holds the mltable path, the argument stays the variable.
  const bound = node.type === 'identifier' ? boundPath(ctx, node) : undefined;
  if (bound) {
    const inner = mltablePath(fb, ctx, bound, at, edits);
    if (!inner) return undefined;
    edits.push([bound, inner]);
    return node.text;
  }
  if (node.type === 'tuple' && node.namedChildren.length === 2) [ds, rel] = node.namedChildren;
  else if (node.type === 'call' && qnameOf(ctx, node) === 'azureml.core.Datastore.path') {
    const a = bindArgs(node, ['path'], ['path']);
    ds = node.childForFieldName('function')?.childForFieldName('object') ?? undefined;
    rel = a?.get('path');
  } else if (node.type === 'call' && qnameOf(ctx, node) === DATA_PATH) {
    // `DataPath(datastore, path_on_datastore[, name])`: `name` is "an optional name for the DataPath", not part of the
    // data's path (https://learn.microsoft.com/python/api/azureml-core/azureml.data.datapath.datapath).
    const a = bindArgs(node, ['datastore', 'path_on_datastore', 'name'], ['datastore', 'path_on_datastore', 'name']);
    ds = a?.get('datastore');
    rel = a?.get('path_on_datastore');
  } else if (node.type === 'string' || node.type === 'identifier') {
    // A public URL of one file (mltable reads http(s) files, not folders), or a name bound once to one.
    const v = fValue(node.type === 'identifier' ? onlyValue(ctx, node) : node);
    return v && /^https?:\/\/[^*?[\]]+\/[^/]+\.[A-Za-z0-9]+$/.test(v) ? `{"file": ${node.text}}` : undefined;
  }
  // (`(datastore, ("data/x.csv"))`: the parentheses change nothing)
  while (rel?.type === 'parenthesized_expression' && rel.namedChildren.length === 1) rel = rel.namedChildren[0];
  const value = relativeValue(joinedPath(ctx, rel) ?? constPath(ctx, rel));
  if (!ds || !value) return undefined;
  const last = value.slice(value.lastIndexOf('/') + 1);
  const kind = /[*?[]/.test(value) ? 'pattern' : value.endsWith('/') ? 'folder' : /\.[A-Za-z0-9]+$/.test(last) ? 'file' : undefined;
  const uri = kind && datastorePrefix(fb, ctx, ds, at);
  if (!uri) return undefined;
  edits.push(...uri.edits.filter(([n]) => !edits.some(([m]) => m.id === n.id)));
  return `{"${kind}": ${uri.prefix}${value}"}`;
}

/**
 * The value of `os.path.join(a, b, ...)` (directly or through a name bound once to it) whose parts are string
 * literals or names bound once to one (MLOpsPython: `os.path.join(target_path, file_name)`), joined with "/"
 * as on the Linux machines AML runs (posixpath.join: one "/" between parts, none added after one ending in "/");
 * undefined for other expressions and for a later part starting with "/" (join would restart there).
 */
function joinedPath(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  if (node?.type === 'identifier') node = onlyStatementValue(ctx, node);
  const args = node?.type === 'call' && qnameOf(ctx, node) === 'os.path.join' ? node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [] : [];
  const parts = args.map((a) => (a.type === 'identifier' || a.type === 'string' ? fValue(boundLiteral(ctx, a)) : undefined));
  if (args.length < 2 || parts.some((p, i) => p === undefined || p === '' || (i > 0 && p.startsWith('/')))) return undefined;
  return (parts as string[]).reduce((acc, p) => (acc.endsWith('/') ? acc + p : `${acc}/${p}`));
}

/** The datastore path (`DataPath(...)`, `(datastore, "p")`, `datastore.path("p")`) a name bound once before `id` holds, when `id` is its only use. */
function boundPath(ctx: RuleContext, id: SyntaxNode): SyntaxNode | undefined {
  const value = onlyStatementValue(ctx, id);
  const b = ctx.model.resolveName(id.text, id);
  const isPath = value?.type === 'tuple' || (value?.type === 'call' && [DATA_PATH, 'azureml.core.Datastore.path'].includes(qnameOf(ctx, value) ?? ''));
  const uses = isPath ? usesOf(ctx, b!.node) : [];
  return isPath && uses.length === 1 && same(uses[0], id) && b!.node.endIndex < id.startIndex ? value : undefined;
}

/** v1 `header` (bool or PromoteHeadersBehavior) → the mltable `header` string. */
function headerValue(ctx: RuleContext, node: SyntaxNode): string | undefined {
  if (node.text === 'True') return '"all_files_same_headers"';
  if (node.text === 'False') return '"no_header"';
  const v = ctx.model.evaluate(node);
  const member = v?.kind === 'ref' && v.qname.startsWith('azureml.data.dataset_type_definitions.PromoteHeadersBehavior.') ? v.qname.split('.').pop() : undefined;
  return ({ NO_HEADERS: '"no_header"', FROM_FIRST_FILE: '"from_first_file"', ALL_FILES_HAVE_SAME_HEADERS: '"all_files_same_headers"' } as Record<string, string>)[member ?? ''];
}

/** mltable encodings with the v1 names (https://learn.microsoft.com/python/api/mltable/mltable.mltable#mltable-mltable-from-delimited-files). */
const ENCODINGS = new Set(['utf8', 'iso88591', 'latin1', 'ascii', 'utf16', 'utf32', 'utf8bom', 'windows1252']);

/** The whole rewrite of `Dataset.Tabular.from_delimited_files(...)` and its `to_pandas_dataframe()` uses. */
function tabularEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  if (qnameOf(ctx, call) === FROM_PARQUET) return parquetEdits(fb, ctx, call);
  const accepted = ['path', 'validate', 'include_path', 'infer_column_types', 'separator', 'header', 'support_multi_line', 'empty_as_string', 'encoding'];
  const a = bindArgs(call, ['path', 'validate', 'include_path', 'infer_column_types', 'set_column_types', 'separator', 'header', 'partition_format', 'support_multi_line', 'empty_as_string', 'encoding'], accepted);
  const path = a?.get('path');
  if (!a || !path) return undefined;
  const header = a.get('header') && headerValue(ctx, a.get('header')!);
  const encoding = a.get('encoding');
  if ((a.get('header') && !header) || (encoding && !ENCODINGS.has(stringValue(encoding) ?? ''))) return undefined;
  for (const k of ['include_path', 'infer_column_types', 'support_multi_line', 'empty_as_string']) if (a.get(k) && !['True', 'False'].includes(a.get(k)!.text)) return undefined;

  return mltableEdits(fb, ctx, call, path, (paths) => `${fb.needModule('mltable')}.from_delimited_files(${kwargs([
    ['paths', paths],
    ['header', header],
    ['delimiter', a.get('separator')],
    ['support_multi_line', a.get('support_multi_line')],
    ['empty_as_string', a.get('empty_as_string')],
    ['encoding', encoding],
    ['include_path_column', a.get('include_path')],
    ['infer_column_types', a.get('infer_column_types')],
  ])})`);
}

/**
 * A tabular dataset factory `call` as the MLTable call `make(paths)` writes (`paths`: the v1 path or
 * paths as a list of MLTable paths), when the dataset is read only by MLTable methods of the same
 * meaning (tableReads) and every path translates.
 */
function mltableEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, path: SyntaxNode, make: (paths: string) => string): Edits | undefined {
  const uses = tableReads(fb, ctx, call, true);
  if (!uses) return undefined;
  const edits: Edits = [];
  // A list of paths in a variable read only here (`datastore_paths = [(ds, "a.csv"), ...]`, how-to-create-register-datasets):
  // the list becomes the mltable paths, the argument stays the variable.
  const list = pathList(ctx, path);
  const items = (list ?? path).type === 'list' ? (list ?? path).namedChildren.filter((c) => c.type !== 'comment') : [path];
  // (the datastore URIs are built where the paths are written)
  const paths = items.map((p) => mltablePath(fb, ctx, p, list ?? call, edits));
  if (!items.length || paths.some((p) => !p)) return undefined;
  if (list) edits.push([list, `[${paths.join(', ')}]`]);
  // A read chained on the call itself (`from_delimited_files(...).to_pandas_dataframe()`) holds it: the call's edit is the fix of that chain's findings.
  return [[call, make(list ? path.text : `[${paths.join(', ')}]`)], ...uses.filter(([n]) => !(n.startIndex <= call.startIndex && n.endIndex >= call.endIndex)), ...edits];
}

/** The list literal `x = [...]` bound to the name `path` when that is x's only binding and this its only use (same scope, before it). */
function pathList(ctx: RuleContext, path: SyntaxNode): SyntaxNode | undefined {
  const right = onlyStatementValue(ctx, path);
  const target = right && ctx.model.resolveName(path.text, path)!.node;
  if (right?.type !== 'list') return undefined;
  const uses = usesOf(ctx, target!);
  return uses.length === 1 && same(uses[0], path) && target!.endIndex < path.startIndex ? right : undefined;
}

/** The value of the name `node` reads when it is bound once (common.ts onlyValue) by `x = <value>`, a statement of its own (not `a = x = <value>`). */
function onlyStatementValue(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  const value = onlyValue(ctx, node);
  return value?.parent?.parent?.type === 'expression_statement' ? value : undefined;
}

/**
 * `Dataset.Tabular.from_parquet_files(path, validate, include_path)` → `mltable.from_parquet_files(paths=[...],
 * include_path_column=)` (https://learn.microsoft.com/python/api/mltable/mltable#mltable-from-parquet-files),
 * read as tabularEdits reads a delimited dataset. Not with set_column_types / partition_format (MLTable types differ).
 */
function parquetEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const a = bindArgs(call, ['path', 'validate', 'include_path', 'set_column_types', 'partition_format'], ['path', 'validate', 'include_path']);
  const path = a?.get('path');
  const include = a?.get('include_path');
  if (!a || !path || (include && !['True', 'False'].includes(include.text))) return undefined;
  return mltableEdits(fb, ctx, call, path, (paths) => `${fb.needModule('mltable')}.from_parquet_files(${kwargs([['paths', paths], ['include_path_column', include]])})`);
}

/** v1 TabularDataset methods that MLTable has with the same parameter and meaning (MLT: mltable.MLTable take/drop_columns/keep_columns). */
const TABLE_METHODS: Record<string, string> = { take: 'count', drop_columns: 'columns', keep_columns: 'columns' };

/**
 * The edits (texts kept) of every read of the tabular dataset value `value` (the
 * `from_delimited_files` call, or a table derived from it), or undefined when one is not an MLTable
 * method of the same meaning: `to_pandas_dataframe()`, `take(n)` / `drop_columns(c)` /
 * `keep_columns(c)` (again a table: its reads are checked in turn), `register(...)` of a variable.
 * A value that is neither assigned nor read by a method: only a statement of the producer (`top`).
 */
function tableReads(fb: FixBuilder, ctx: RuleContext, value: SyntaxNode, top: boolean): Edits | undefined {
  const target = assignedName(value);
  if (target) {
    const out: Edits = top ? [] : [[value, value.text]];
    for (const use of usesOf(ctx, target)) {
      const e = tableRead(fb, ctx, use, true);
      if (!e) return undefined;
      out.push(...e);
    }
    return out;
  }
  if (memberOf(value)) return tableRead(fb, ctx, value, false);
  return top && value.parent?.type === 'expression_statement' ? [] : undefined;
}

/**
 * For automl.ts (a tabular dataset handed to AutoMLConfig becomes an MLTable saved to a folder):
 * keep-text edits of every read of the dataset variable assigned from `call` but the use `handed`,
 * when all are MLTable reads of the same meaning (to_pandas_dataframe, take, drop_columns,
 * keep_columns; register: its v2 rewrite) — with them in its fix, their findings offer it.
 */
export function tabularReadEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, handed: SyntaxNode): Edits | undefined {
  const target = assignedName(call);
  if (!target) return undefined;
  const out: Edits = [];
  for (const use of usesOf(ctx, target)) {
    if (same(use, handed)) continue;
    const e = tableRead(fb, ctx, use, true);
    if (!e) return undefined;
    out.push(...e);
  }
  return out;
}

/** The use of a dataset variable that automl.ts rewrites itself (see `registeredDatasetEdits`): no read to check. */
let handedUses: SyntaxNode[] = [];

/**
 * For automl.ts: `handed` (the `training_data=x` of an AutoMLConfig) names the dataset registered
 * by `x = x.register(...)`, the `x = Dataset.Tabular.from_delimited_files(...)` before it read
 * otherwise only as a table: the edits of that whole rewrite (producer, registration with its
 * get-or-register test, reads), `handed` left to the caller, which refers to the asset by name.
 */
export function registeredDatasetEdits(fb: FixBuilder, ctx: RuleContext, handed: SyntaxNode): Edits | undefined {
  const b = handed.type === 'identifier' ? ctx.model.resolveName(handed.text, handed) : undefined;
  const assign = b?.kind === 'assign' ? b.node.parent : undefined;
  const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
  if (!right || qnameOf(ctx, right) !== 'azureml.data.TabularDataset.register') return undefined;
  const made = tabularProducer(ctx, right);
  if (!made || qnameOf(ctx, made) !== FROM_DELIMITED) return undefined;
  handedUses = [handed];
  try {
    return tabularEdits(fb, ctx, made);
  } finally {
    handedUses = [];
  }
}

/** The edits of one read `x.method(...)` of a tabular dataset `x` (a variable when `named`). */
function tableRead(fb: FixBuilder, ctx: RuleContext, x: SyntaxNode, named: boolean): Edits | undefined {
  if (handedUses.some((h) => same(x, h))) return [];
  const m = memberOf(x);
  if (!m?.call) return named ? helperReads(fb, ctx, x) : undefined;
  if (m.name === 'to_pandas_dataframe') return noArgs(m.call) ? [[m.call, m.call.text]] : undefined;
  if (m.name === 'register') {
    return named ? registerEdit(fb, ctx, m.call, x) : undefined;
  }
  if (m.name === 'random_split') return splitEdits(fb, ctx, m.call);
  const param = TABLE_METHODS[m.name];
  if (!param) return undefined;
  if (m.name === 'keep_columns' && bindArgs(m.call, ['columns', 'validate'], ['columns', 'validate'])?.has('validate')) return validatedKeep(x, m.call);
  const a = bindArgs(m.call, [param], [param]);
  if (!a?.get(param) || a.get(param)!.type === 'list_splat') return undefined;
  return tableReads(fb, ctx, m.call, false);
}

/**
 * `x.keep_columns(c, validate=True|False).to_pandas_dataframe()` → `x.keep_columns(c).to_pandas_dataframe()`:
 * v1's `validate` only checks, at keep_columns, that data loads from the result (azureml-core
 * TabularDataset.keep_columns: `_validate_has_data`); loaded in the same expression, the data is the
 * same and a failure stops the same statement. Other shapes with `validate` are not rewritten (MLTable
 * keep_columns has no such parameter: mltable.MLTable.keep_columns(columns)).
 */
function validatedKeep(x: SyntaxNode, call: SyntaxNode): Edits | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const validate = args.find((c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'validate');
  const columns = args.filter((c) => c !== validate);
  const value = validate?.childForFieldName('value');
  const load = memberOf(call);
  if (columns.length !== 1 || !value || (value.type !== 'true' && value.type !== 'false')) return undefined;
  if (columns[0].type === 'keyword_argument' ? columns[0].childForFieldName('name')?.text !== 'columns' : columns[0].type === 'list_splat' || columns[0].type === 'dictionary_splat') return undefined;
  if (load?.name !== 'to_pandas_dataframe' || !load.call || !noArgs(load.call)) return undefined;
  return [[load.call, `${x.text}.keep_columns(${columns[0].text}).to_pandas_dataframe()`]];
}

/**
 * `a, b = x.random_split(percentage=p[, seed=s])` → `x.random_split(percent=p[, seed=s])`: mltable
 * MLTable.random_split(percent=.5, seed=None) splits the same way ("approximately percent% ... and
 * the other having the remainder": two `sample` steps random_percent [0, p) and [p, 1] on one seed,
 * as v1's TakeSampleBlock pair; MLT, mltable/mltable.py). mltable wants a float strictly between 0
 * and 1 (v1 also takes 0, 1 and ints): a float literal only. Each result is read in turn as a table
 * (unread results are fine). Undefined for other shapes (`parts = x.random_split(...)`, subscripts).
 */
function splitEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const a = bindArgs(call, ['percentage', 'seed'], ['percentage', 'seed']);
  const p = a?.get('percentage');
  const value = p?.type === 'float' ? Number(p.text.replace(/_/g, '')) : NaN;
  if (!a || !p || !(value > 0 && value < 1)) return undefined;
  const seed = a.get('seed');
  if (seed && seed.type !== 'integer' && seed.type !== 'none' && seed.type !== 'identifier') return undefined;
  const assign = call.parent;
  const left = assign?.type === 'assignment' && same(assign.childForFieldName('right'), call) ? assign.childForFieldName('left') : undefined;
  const parts = left && ['pattern_list', 'tuple_pattern'].includes(left.type) ? left.namedChildren : [];
  if (parts.length !== 2 || parts.some((n) => n.type !== 'identifier') || assign!.parent?.type !== 'expression_statement') return undefined;
  const obj = call.childForFieldName('function')!.childForFieldName('object')!;
  // A part automl.ts takes as an input (`splitDatasetEdits`) is saved to the folder it names.
  const saves = parts.filter((part) => usesOf(ctx, part).some((u) => handedUses.some((h) => same(u, h))));
  const indent = ownLineIndent(ctx, assign!.parent!);
  if (saves.length && indent === undefined) return undefined;
  const saved = saves.map((part) => `\n${indent}${part.text}.save(${JSON.stringify(splitFolder(part))})${REVIEW}`).join('');
  const out: Edits = [[call, `${obj.text}.random_split(${kwargs([['percent', p], ['seed', seed]])})${saved}`]];
  for (const part of parts) {
    for (const use of usesOf(ctx, part)) {
      const e = tableRead(fb, ctx, use, true);
      if (!e) return undefined;
      out.push(...e);
    }
  }
  return out;
}

/** The folder a random_split part handed to AutoML is saved to (named here: `# amlint: review`). */
export function splitFolder(part: SyntaxNode): string {
  return `./${part.text}-mltable`;
}

/**
 * For automl.ts: `handed` (AutoMLConfig `training_data=a`, `validation_data=b`) are parts of `a, b =
 * x.random_split(...)`, `x = Dataset.Tabular.from_delimited_files(...)` read otherwise only as a
 * table: the edits of the whole rewrite (producer, split, each handed part saved to `splitFolder`,
 * reads), the handed uses left to the caller. An MLTable saved after random_split keeps the split
 * as a `sample` step with its seed (mltable.py random_split: the seed is fixed even when not given),
 * so the job reads the same rows.
 */
export function splitDatasetEdits(fb: FixBuilder, ctx: RuleContext, handed: SyntaxNode[]): Edits | undefined {
  const split = handed.length ? splitOf(ctx, handed[0]) : undefined;
  if (!split || handed.some((h) => !same(splitOf(ctx, h), split))) return undefined;
  const made = tabularProducer(ctx, split);
  if (!made || qnameOf(ctx, made) !== FROM_DELIMITED) return undefined;
  handedUses = handed;
  try {
    return tabularEdits(fb, ctx, made);
  } finally {
    handedUses = [];
  }
}

/**
 * For automl.ts: `x = Dataset.Tabular.from_delimited_files(...)` (`made`, any path data.ts reads:
 * datastore paths too) whose uses `handed` AutoML takes: the whole rewrite with `x.save(folder)`
 * after the producer, the dataset's other reads checked as tables. Undefined otherwise.
 */
export function savedTabularEdits(fb: FixBuilder, ctx: RuleContext, made: SyntaxNode, handed: SyntaxNode[], folder: string): Edits | undefined {
  const target = assignedName(made);
  const indent = target && ownLineIndent(ctx, made.parent!.parent!);
  if (!target || indent === undefined || qnameOf(ctx, made) !== FROM_DELIMITED) return undefined;
  handedUses = handed;
  try {
    const edits = tabularEdits(fb, ctx, made);
    if (!edits || !same(edits[0][0], made)) return undefined;
    return [[made, `${edits[0][1]}\n${indent}${target.text}.save(${JSON.stringify(folder)})${REVIEW}`], ...edits.slice(1)];
  } finally {
    handedUses = [];
  }
}

/** The `x.random_split(...)` call whose assignment `a, b = ...` binds the name `id` reads. */
export function splitOf(ctx: RuleContext, id: SyntaxNode): SyntaxNode | undefined {
  const b = id.type === 'identifier' ? ctx.model.resolveName(id.text, id) : undefined;
  const pattern = b?.kind === 'assign' ? b.node.parent : undefined;
  const assign = pattern && ['pattern_list', 'tuple_pattern'].includes(pattern.type) ? pattern.parent : undefined;
  // Bound again later (`train_data = train_data.to_pandas_dataframe()`, the MLN auto-ml-regression shape):
  // only where the split binding alone reaches its uses (reach.ts), `id` being one of them.
  if (assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), pattern!)) return undefined;
  if ((b!.scope.bindings.get(id.text) ?? []).length !== 1 && !soleBinding(ctx.model, b!)) return undefined;
  const right = assign.childForFieldName('right');
  const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'random_split' ? right! : undefined;
}

/**
 * A tabular dataset variable handed to a helper of the same module, `clean_data(ds)` (the Udacity
 * train.py shape): the reads of the parameter inside it, when they are all MLTable reads (followed
 * one level: a module-level `def` bound once, called only here, with plain parameters (then ones with
 * defaults the call leaves), the argument positional, the parameter read only as `param.to_pandas_dataframe()`). The call's result is not the dataset.
 */
function helperReads(fb: FixBuilder, ctx: RuleContext, x: SyntaxNode): Edits | undefined {
  const args = x.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  if (fn?.type !== 'identifier') return undefined;
  const i = args!.namedChildren.findIndex((c) => same(c, x));
  if (args!.namedChildren.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat' || c.type === 'keyword_argument')) return undefined;
  const b = ctx.model.resolveName(fn.text, fn);
  const def = b?.kind === 'def' ? b.node.parent : undefined;
  if (!b || def?.type !== 'function_definition' || b.scope.kind !== 'module' || (b.scope.bindings.get(fn.text) ?? []).length !== 1 || !soleUse(ctx, b)) return undefined;
  if (def.children.some((c) => c.type === 'decorator') || def.parent?.type === 'decorated_definition') return undefined;
  const params = def.childForFieldName('parameters')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const body = def.childForFieldName('body');
  // The parameters the call passes are plain names; those after them have defaults (`numeric_target=True`).
  const passed = args!.namedChildren.length;
  if (params.length < passed || params.slice(0, passed).some((p) => p.type !== 'identifier') || params.slice(passed).some((p) => p.type !== 'default_parameter' && p.type !== 'typed_default_parameter') || !body) return undefined;
  const param = params[i];
  // The model does not walk bodies naming no SDK: read syntactically. Every identifier spelled like
  // the parameter must be `param.to_pandas_dataframe()`: any rebinding (also in a nested scope:
  // def, lambda, comprehension, global), keyword or attribute of that name fails this.
  // A parameter bound again at the body's top level to its frame (`data = data.to_pandas_dataframe()`,
  // the Udacity capstone train.py): a DataFrame after that in v1 and v2 alike, whatever reads it.
  const rebind = body.namedChildren.find((st) => {
    const assign = st.type === 'expression_statement' ? st.firstNamedChild : undefined;
    const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
    const object = assign?.childForFieldName('right')?.childForFieldName('function')?.childForFieldName('object');
    const m = left?.type === 'identifier' && left.text === param.text && object?.type === 'identifier' && object.text === param.text ? memberOf(object) : undefined;
    return m?.name === 'to_pandas_dataframe' && !!m.call && same(m.call, assign!.childForFieldName('right')) && noArgs(m.call);
  });
  const out: Edits = [];
  for (const use of body.descendantsOfType('identifier').filter((n) => n.text === param.text)) {
    if (rebind && (use.startIndex >= rebind.endIndex || same(use, rebind.firstNamedChild!.childForFieldName('left')))) continue;
    const m = memberOf(use);
    if (m?.name !== 'to_pandas_dataframe' || !m.call || !noArgs(m.call)) return undefined;
    out.push([m.call, m.call.text]);
  }
  return out;
}

/**
 * `[x = ]ds.register(workspace=ws, name="n", description=..., tags=..., create_new_version=True)`
 * as a statement → `ds.save("./n")` + `[x = ]ml.data.create_or_update(Data(path="./n",
 * type=AssetTypes.MLTABLE, name="n", ...))`: the how-to-mltable way to make a data asset from an
 * MLTable (https://learn.microsoft.com/azure/machine-learning/how-to-mltable, "Create a data
 * asset"). The local folder is named after the asset (v1 has none: `# amlint: review`); v2 makes
 * a new version each time, as v1 with create_new_version=True. `x` may then be read only for
 * name/version (a v2 Data asset has those; its `id` is another value, v1 dataset methods it has not).
 */
function registerEdit(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, ds: SyntaxNode): Edits | undefined {
  const a = bindArgs(call, ['workspace', 'name', 'description', 'tags', 'create_new_version'], ['workspace', 'name', 'description', 'tags', 'create_new_version']);
  const v2 = assetName(fValue(boundLiteral(ctx, a?.get('name'), true)));
  const name = v2?.name;
  const stmt = call.parent?.type === 'expression_statement' ? call.parent : call.parent?.type === 'assignment' && same(call.parent.childForFieldName('right'), call) && call.parent.parent?.type === 'expression_statement' ? call.parent.parent : undefined;
  const indent = stmt && ownLineIndent(ctx, stmt);
  if (!a || !name || !a.get('workspace') || !stmt || indent === undefined || (v2?.renamed && !endsLine(ctx, stmt))) return undefined;
  const newVersion = a.get('create_new_version')?.text ?? 'False';
  const guard = newVersion === 'False' ? unregistered(ctx, stmt, a.get('name')!) : undefined;
  // create_new_version=False (the default) outside the get-or-register test: v1 registers only a new name, as
  // its version 1, and fails (409) when the name exists (azureml-core abstract_dataset.py `_register`:
  // `if_exists_ok=create_new_version`). v2 writes that version, `Data(version="1")`: a new name gets version 1
  // alike, an existing version 1 of other data fails (the service refuses to change an asset's path,
  // azure-ai-ml _data_operations.py `AssetPathException`) where v1 failed; without a version v2 would add one.
  // (Not in a `try` body: its handler may answer that 409 (`except UserErrorException: ds = Dataset.get_by_name(...)`),
  // which v2 raises otherwise, or not at all for the same data; nor in a loop, whose second run failed in v1.)
  const first = newVersion === 'False' && !guard;
  if (first && tryOrLoop(call)) return undefined;
  // A renamed asset under the get-or-register test keyed by a variable (Udacity: `key = "Bikesharing Dataset"`):
  // the variable's literal is renamed, when the test, the other branch's `ws.datasets[key]` and the
  // registration are its only readers (renamedKey); by a literal, every literal of the name (renameConsistent).
  const keyLiteral = guard && v2!.renamed ? renamedKey(ctx, a.get('name')!, guard, call) : undefined;
  if ((newVersion !== 'True' && newVersion !== 'False') || (guard && v2!.renamed && a.get('name')!.type !== 'string' && !keyLiteral)) return undefined;
  if (v2!.renamed && !keyLiteral && !renameConsistent(ctx, fValue(boundLiteral(ctx, a.get('name'), true))!)) return undefined;
  const target = assignedName(call);
  // `ds = ds.register(...)` in a loop: the next pass would read the v2 asset (or the MLTable) the first one bound, as the table.
  if (target?.text === ds.text && inLoop(call)) return undefined;
  // `x = ds.register(...)` read for name/version: x is the v2 Data asset; `ds = ds.register(...)` read as a table: ds stays the MLTable.
  let reads: Edits = [];
  let asset = false;
  if (target) {
    asset = usesOf(ctx, target).every((u) => ['name', 'version'].includes(memberOf(u)?.name ?? ''));
    const table = !asset && target.text === ds.text ? tableReads(fb, ctx, call, false) : undefined;
    if (!asset && !table) return undefined;
    reads = table?.filter(([n]) => !same(n, call)) ?? [];
    // (the asset's name/version reads, kept as written: with them in the fix, their findings offer it)
    if (asset) for (const u of usesOf(ctx, target)) reads.push([u.parent!, u.parent!.text]);
  }
  const c = clientOf(fb, ctx, a.get('workspace'));
  // A workspace that stays v1 (other uses without a v2 form): the bridged client beside it (clientOf's edits), not under the get-or-register test.
  if (!c || (c.edits.length && guard)) return undefined;
  reads.push(...c.edits);
  if (guard) {
    // The test (on the same workspace) lists the v2 data assets; `x = ws.datasets[key]` in the other branch reads the asset as a table.
    const w = a.get('workspace')!;
    if (guard.ws.text !== w.text || (w.type === 'identifier' && ctx.model.resolveName(w.text, w) !== ctx.model.resolveName(w.text, guard.ws))) return undefined;
    reads.push([guard.container, `[d.name for d in ${c.ml}.data.list()]`]);
    renaming = keyLiteral;
    try {
      for (const st of guard.other?.namedChildren ?? []) {
        const right = st.type === 'expression_statement' && st.firstNamedChild?.type === 'assignment' ? st.firstNamedChild.childForFieldName('right') : undefined;
        const dict = right?.type === 'subscript' ? right.childForFieldName('value') : undefined;
        if (!dict || !isDatasets(ctx, dict) || dict.childForFieldName('object')?.text !== w.text) continue;
        const read = registeredEdits(fb, ctx, right!);
        // (a renamed key's read must go with it: its v1 lookup would look for the new name)
        if (!read && keyLiteral) return undefined;
        reads.push(...(read ?? []));
      }
    } finally {
      renaming = undefined;
    }
    if (keyLiteral) reads.push([keyLiteral, `${JSON.stringify(name)}${REVIEW}`]);
  }
  // A renamed asset: the registration tests of the v1 name (`if "n" not in ws.datasets:`) look for the renamed one in v2's list.
  if (v2!.renamed) {
    for (const lit of ctx.model.tree.rootNode.descendantsOfType('string')) {
      const container = stringValue(lit) === fValue(boundLiteral(ctx, a.get('name'), true)) ? nameTest(ctx, lit) : undefined;
      if (!container) continue;
      reads.push([lit, JSON.stringify(name)]);
      if (isDatasets(ctx, container) || container.type === 'call') reads.push([container, `[d.name for d in ${c.ml}.data.list()]`]);
    }
  }
  const data = `${fb.needModule('azure.ai.ml.entities')}.Data(${kwargs([
    ['path', `"./${name}"`],
    ['type', `${fb.need('azure.ai.ml.constants', 'AssetTypes')}.MLTABLE`],
    ['name', v2!.renamed && !keyLiteral ? JSON.stringify(name) : a.get('name')],
    ['version', first ? '"1"' : undefined],
    ['description', a.get('description')],
    ['tags', a.get('tags')],
  ])})`;
  return [[stmt, `${ds.text}.save("./${name}")${REVIEW}\n${indent}${asset ? `${target!.text} = ` : ''}${c.ml}.data.create_or_update(${data})${v2!.renamed ? REVIEW : ''}`], ...reads];
}

/**
 * `node` is in the body of a `try:` of its function or module, or in a loop (a registration v1 runs once
 * per name: the second run of a loop fails in v1, where v2 writes version "1" again).
 */
function tryOrLoop(node: SyntaxNode): boolean {
  return !!enclosingTry(node) || inLoop(node);
}

/** The literal of a renamed get-or-register key being rewritten (registerEdit): v2NameText reads its variable as written. */
let renaming: SyntaxNode | undefined;

/**
 * The get-or-register idiom keyed by a variable bound once to a name v2 refuses (the Udacity starter
 * notebooks: `key = "BankMarketing Dataset"`, `if key in ws.datasets.keys(): ... dataset = ws.datasets[key]`,
 * `dataset.register(workspace=ws, name=key, ...)`): the literal, when it ends its statement's line (for the
 * review mark), no other literal of the module holds the v1 name, and the variable is read only as the test's
 * key, the registration's name and the key of a `ws.datasets[key]` in the test's other branch (all rewritten
 * with the registration, which renames the literal: writer and readers agree on the v2 name).
 */
function renamedKey(ctx: RuleContext, name: SyntaxNode, guard: Guard, call: SyntaxNode): SyntaxNode | undefined {
  const literal = name.type === 'identifier' ? boundLiteral(ctx, name) : undefined;
  const stmt = literal?.parent?.parent;
  const v1 = stringValue(literal);
  if (!literal || v1 === undefined || stmt?.type !== 'expression_statement' || stmt.endIndex !== literal.endIndex || !endsLine(ctx, stmt)) return undefined;
  if (ctx.model.tree.rootNode.descendantsOfType('string').some((l) => !same(l, literal) && stringValue(l) === v1)) return undefined;
  const b = ctx.model.resolveName(name.text, name);
  const key = guard.container.parent?.namedChildren[0];
  const inside = (n: SyntaxNode, outer: SyntaxNode | undefined): boolean => !!outer && outer.startIndex <= n.startIndex && n.endIndex <= outer.endIndex;
  const lookup = (u: SyntaxNode): boolean => {
    const sub = u.parent;
    return sub?.type === 'subscript' && same(sub.childForFieldName('subscript'), u) && isDatasets(ctx, sub.childForFieldName('value')!) && inside(sub, guard.other) && !inside(sub, call);
  };
  // (Only the whole get-or-register idiom, a lookup in the other branch; a bare register-if-missing keeps refusing.)
  const uses = b ? ctx.model.uses.get(b) ?? [] : [];
  return uses.every((u) => same(u, key) || same(u, name) || lookup(u)) && uses.some(lookup) ? literal : undefined;
}

/** The Udacity get-or-register test around a registration: the `ws.datasets[.keys()]` tested, and the other branch. */
interface Guard {
  container: SyntaxNode;
  ws: SyntaxNode;
  other?: SyntaxNode;
}

/**
 * `stmt` runs only when no dataset is registered under `name`: it is in the `else` of
 * `if name in ws.datasets[.keys()]:` or the body of `if name not in ws.datasets[.keys()]:` (the
 * Udacity get-or-register idiom), `name` naming the same value in the test.
 */
function unregistered(ctx: RuleContext, stmt: SyntaxNode, name: SyntaxNode): Guard | undefined {
  const block = stmt.parent;
  const owner = block?.parent;
  const ifStmt = owner?.type === 'else_clause' ? owner.parent : owner;
  if (block?.type !== 'block' || ifStmt?.type !== 'if_statement' || ifStmt.children.some((c) => c.type === 'elif_clause')) return undefined;
  let test = ifStmt.childForFieldName('condition');
  const consequence = ifStmt.childForFieldName('consequence');
  const orElse = ifStmt.children.find((c) => c.type === 'else_clause')?.childForFieldName('body') ?? undefined;
  let other: SyntaxNode | undefined;
  if (test?.type === 'not_operator' && same(consequence, block) && !orElse) {
    // The Udacity template: `found = False` / `if key in ws.datasets.keys(): found = True; ...` / `if not found: <register>`.
    const flagged = flagTest(ctx, test);
    if (!flagged) return undefined;
    [test, other] = flagged;
  } else if (test?.type === 'comparison_operator') {
    const op = test.children.filter((c) => !c.isNamed).map((c) => c.text).join(' ');
    if (op === 'in' && owner!.type === 'else_clause') other = consequence ?? undefined;
    else if (op === 'not in' && same(consequence, block)) other = orElse;
    else return undefined;
  } else return undefined;
  if (test.namedChildren.length !== 2) return undefined;
  const [key, container] = test.namedChildren;
  if (key.text !== name.text || (name.type === 'identifier' && ctx.model.resolveName(name.text, name) !== ctx.model.resolveName(key.text, key))) return undefined;
  if (name.type !== 'identifier' && literalText(name) === undefined) return undefined;
  // `ws.datasets` or `ws.datasets.keys()`: the v1 dict of registered datasets.
  let dict: SyntaxNode | null = container;
  const fn = dict.type === 'call' ? dict.childForFieldName('function') : undefined;
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'keys' && noArgs(dict)) dict = fn.childForFieldName('object');
  const ws = dict?.type === 'attribute' ? dict.childForFieldName('object') : undefined;
  return ws && isDatasets(ctx, dict!) ? { container, ws, other } : undefined;
}

/**
 * `not found` where `found` is bound twice in its scope: to False before, and to True as a
 * statement of the body of an earlier `if <x> in <dict>:` (no elif/else): that test, and that body.
 */
function flagTest(ctx: RuleContext, not: SyntaxNode): [SyntaxNode, SyntaxNode] | undefined {
  const flag = not.childForFieldName('argument');
  const list = flag?.type === 'identifier' ? ctx.model.scopeAt(flag).bindings.get(flag.text) ?? [] : [];
  if (list.length !== 2 || list.some((b) => b.node.startIndex > not.startIndex)) return undefined;
  let found: [SyntaxNode, SyntaxNode] | undefined;
  for (const b of list) {
    const assign = b.node.parent;
    const value = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b.node) && assign.parent?.type === 'expression_statement' ? assign.childForFieldName('right')?.text : undefined;
    if (value === 'False') continue;
    const body = assign?.parent?.parent;
    const ifStmt = body?.parent;
    if (value !== 'True' || body?.type !== 'block' || ifStmt?.type !== 'if_statement' || !same(ifStmt.childForFieldName('consequence'), body) || ifStmt.childForFieldName('alternative') || ifStmt.children.some((c) => c.type === 'else_clause' || c.type === 'elif_clause')) return undefined;
    const test = ifStmt.childForFieldName('condition');
    if (test?.type !== 'comparison_operator' || test.children.filter((c) => !c.isNamed).map((c) => c.text).join(' ') !== 'in') return undefined;
    found = [test, body];
  }
  return found;
}

/** `ws.datasets` of a v1 workspace. */
function isDatasets(ctx: RuleContext, node: SyntaxNode): boolean {
  const v = ctx.model.evaluate(node);
  return node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'datasets' && sdkOf(v) === 'v1';
}

/**
 * A registered tabular dataset read as a table: `x = ws.datasets[key]` / `x = Dataset.get_by_name(ws,
 * name[, version])` (a statement of its own) whose reads are MLTable reads → `x =
 * mltable.load("azureml:/" + ml.data.get(name=..., label="latest" | version=...).id)`, the way
 * MLT reads a data asset (how-to-mltable, "Read the data asset": `mltable.load(f"azureml:/{data_asset.id}")`).
 * Marked `# amlint: review`: an asset registered by v1 as a TabularDataset shows in v2 as an
 * mltable asset that mltable fails to load (KeyError 'paths',
 * https://github.com/Azure/azure-sdk-for-python/issues/38944); one registered by the v2 rewrite
 * of `register` loads. The edits: the source (for the subscript, the whole `ws.datasets[key]`) and its reads.
 */
function registeredEdits(fb: FixBuilder, ctx: RuleContext, source: SyntaxNode): Edits | undefined {
  let ws: SyntaxNode | undefined;
  let which: string;
  if (source.type === 'subscript') {
    const dict = source.childForFieldName('value');
    const key = source.childForFieldName('subscript');
    if (dict?.type !== 'attribute' || !key || source.namedChildren.length !== 2 || key.type === 'slice') return undefined;
    ws = dict.childForFieldName('object') ?? undefined;
    const n = v2NameText(ctx, key);
    if (!n) return undefined;
    which = `name=${n}, label="latest"`;
  } else if (qnameOf(ctx, source) === DATASETS_GET) {
    // `ws.datasets.get(key)`: the same dict of latest versions (azureml-core workspace.py `datasets`; no default
    // given: a missing name is None in v1, whose read then raises, as v2's lookup raises).
    const a = bindArgs(source, ['key'], ['key']);
    const fn = source.childForFieldName('function');
    const dict = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    const n = a?.get('key') && v2NameText(ctx, a.get('key')!);
    if (!a || !n || dict?.type !== 'attribute' || !isDatasets(ctx, dict)) return undefined;
    ws = dict.childForFieldName('object') ?? undefined;
    which = `name=${n}, label="latest"`;
  } else {
    const a = bindArgs(source, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
    const name = a?.get('name');
    const n = name && v2NameText(ctx, name);
    if (!a || !n) return undefined;
    ws = a.get('workspace');
    const version = a.get('version');
    which = !version || stringValue(version) === 'latest' ? `name=${n}, label="latest"` : `name=${n}, version=${version.text}`;
  }
  const target = assignedName(source);
  // Not assigned: read in place (`df = Dataset.get_by_name(ws, name="n").to_pandas_dataframe()`), the
  // statement holding it ending its line: the review mark goes at its end.
  const stmt = target ? source.parent?.parent : enclosingStatement(source);
  if (!ws || !stmt || !endsLine(ctx, stmt) || (!target && !memberOf(source)?.call)) return undefined;
  // (Under `try: ... except UserErrorException:` / `except KeyError:` the v2 lookup's error escapes the handler.)
  // (Nor a call that does not parse, `Dataset.get_by_name(ws, name=)`: its arguments are not what it binds.)
  if (narrowlyTried(source) || stmt.hasError) return undefined;
  const reads = tableReads(fb, ctx, source, true);
  const c = reads && clientOf(fb, ctx, ws);
  if (!reads || !c || c.edits.length) return undefined;
  const load = `${fb.needModule('mltable')}.load("azureml:/" + ${c.ml}.data.get(${which}).id)`;
  if (target) return [[source, `${load}${REVIEW}`], ...reads];
  // (the reads chained on the lookup hold it: their keep-text edits would overlap its own)
  return [[source, load], ...reads.filter(([n]) => !(n.startIndex <= source.startIndex && n.endIndex >= source.endIndex)), [endMark(ctx, stmt), REVIEW]];
}

/** The simple statement (expression statement) holding `node`, not crossing a block. */
function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node.parent;
  while (n && n.type !== 'expression_statement' && n.type !== 'block' && n.type !== 'module' && !n.type.endsWith('statement') && n.type !== 'lambda' && n.type !== 'function_definition') n = n.parent;
  return n?.type === 'expression_statement' ? n : undefined;
}

/** A zero-width node-shaped range (common.ts textRange) at the end of `stmt`: an insertion there. */
function endMark(ctx: RuleContext, stmt: SyntaxNode): SyntaxNode {
  return textRange(ctx, 'end_mark', stmt.endIndex, stmt.endPosition, stmt.endIndex, stmt.endPosition);
}

/**
 * The v2 name to read for the v1 name expression `node`: as written, or a literal v2 refuses renamed
 * as its registration is (assetName; the reads carry `# amlint: review`). Undefined for a name bound
 * to a literal v2 refuses (the variable may have other readers), and for a module name some function
 * declares `global` (common.ts declaredGlobal: its value cannot be known, and may be one v2 refuses).
 */
function v2NameText(ctx: RuleContext, node: SyntaxNode): string | undefined {
  if (node.type === 'identifier' && declaredGlobal(ctx).has(node.text)) return undefined;
  const literal = boundLiteral(ctx, node);
  const value = literal && stringValue(literal);
  if (value === undefined || (renaming && same(literal, renaming))) return node.text;
  const v2 = assetName(value);
  if (!v2) return undefined;
  if (!v2.renamed) return node.text;
  return node.type === 'string' && renameConsistent(ctx, value) ? JSON.stringify(v2.name) : undefined;
}

/**
 * A string literal, or the literal a name bound once is assigned; with `reaching`, also a name bound again
 * elsewhere whose binding alone reaches its uses (reach.ts: a notebook's `dataset_name = "..."` cell after cell).
 */
function boundLiteral(ctx: RuleContext, node: SyntaxNode | undefined, reaching = false): SyntaxNode | undefined {
  if (node?.type !== 'identifier') return node;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.node.parent;
  const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
  return b && (onlyValue(ctx, node) || (reaching && soleBinding(ctx.model, b))) && right?.type === 'string' ? right : undefined;
}

/**
 * Where a tabular dataset expression comes from, through variables bound once and
 * take/drop_columns/keep_columns: the `from_delimited_files` or `Dataset.get_by_name` call, or the
 * `ws.datasets` of `ws.datasets[key]` (the nodes whose findings own the rewrite).
 */
function tabularProducer(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  for (let i = 0; node && i < 20; i++) {
    if (node.type === 'identifier') {
      const b = ctx.model.resolveName(node.text, node);
      // A parameter of a helper called once (`def clean_data(data): data.to_pandas_dataframe()`): what the call passes.
      if (b?.kind === 'param') {
        node = soleCallArgument(ctx, b);
        continue;
      }
      let assign = b?.kind === 'assign' ? b.node.parent : undefined;
      // A result of `a, b = x.random_split(...)`: its producer is x's.
      const split = assign && ['pattern_list', 'tuple_pattern'].includes(assign.type) ? assign.parent : undefined;
      if (split?.type === 'assignment' && same(split.childForFieldName('left'), assign!)) {
        const right = split.childForFieldName('right');
        const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
        node = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'random_split' ? right! : undefined;
        assign = undefined;
      } else node = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') ?? undefined : undefined;
    }
    if (node?.type === 'subscript') {
      const dict = node.childForFieldName('value');
      return dict && isDatasets(ctx, dict) ? dict : undefined;
    }
    if (node?.type !== 'call') return undefined;
    const q = qnameOf(ctx, node);
    if (TABULAR.includes(q ?? '') || q === GET_BY_NAME || q === DATASETS_GET) return node;
    const fn = node.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
    // (`ds = ds.register(...)` read as a table: see registerEdit.)
    if (!TABLE_METHODS[method] && method !== 'register' && method !== 'random_split') return undefined;
    node = fn!.childForFieldName('object') ?? undefined;
  }
  return undefined;
}

/** The producer of the dataset registered under a get-or-register test that holds `node` (in its test or its other branch: see `unregistered`). */
function guardedProducer(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  const inside = (n: SyntaxNode | undefined): boolean => !!n && n.startIndex <= node.startIndex && node.endIndex <= n.endIndex;
  for (const call of ctx.model.tree.rootNode.descendantsOfType('call')) {
    if (qnameOf(ctx, call) !== 'azureml.data.TabularDataset.register') continue;
    const name = bindArgs(call, ['workspace', 'name'], ['workspace', 'name', 'description', 'tags', 'create_new_version'])?.get('name');
    const stmt = call.parent?.type === 'expression_statement' ? call.parent : call.parent?.parent;
    const guard = name && stmt ? unregistered(ctx, stmt, name) : undefined;
    if (!guard || (!inside(guard.container) && !inside(guard.other))) continue;
    const made = tabularProducer(ctx, call.childForFieldName('function')?.childForFieldName('object') ?? undefined);
    return made && qnameOf(ctx, made) === FROM_DELIMITED ? made : undefined;
  }
  return undefined;
}

/** The `from_delimited_files` / `from_parquet_files` call a node is an argument of (for `datastore.path(...)`, `PromoteHeadersBehavior.X`). */
function enclosingTabular(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n && !n.type.endsWith('statement'); n = n.parent) {
    if (n.type === 'call' && TABULAR.includes(qnameOf(ctx, n) ?? '')) return n;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Datastore registration

/** v1 registration arguments that v2 has no field for but that change nothing when at their default. */
const DEFAULT_ONLY: Record<string, string> = { create_if_not_exists: 'False', grant_workspace_access: 'False', skip_validation: 'False' };

/**
 * `Datastore.register_azure_*(workspace, datastore_name, <store>, account_name, <credentials>, ...)`
 * → `ml.create_or_update(<v2 datastore entity>)` (DS how-to-datastore: the entity + create_or_update;
 * entity fields from azure/ai/ml/entities/_datastore/azure_storage.py).
 */
function registration(entity: string, signature: string[], store: [string, string], credentials: (fb: FixBuilder, a: Map<string, SyntaxNode>) => string | null | undefined): Builder {
  return (fb, ref, ctx) => {
    const call = ref.call!;
    const a = bindArgs(call, signature, [...signature.filter((s) => !['subscription_id', 'resource_group', 'blob_cache_timeout', 'overwrite'].includes(s)), 'overwrite']);
    if (!a || !a.get('workspace') || !a.get('datastore_name') || !a.get(store[0]) || !a.get('account_name')) return undefined;
    for (const [k, v] of Object.entries(DEFAULT_ONLY)) if (a.get(k) && a.get(k)!.text !== v) return undefined;
    // v2 create_or_update replaces an existing datastore: what v1 does with overwrite=True.
    if (a.get('overwrite') && a.get('overwrite')!.text !== 'True' && a.get('overwrite')!.text !== 'False') return undefined;
    // The result is read only for `name` and never handed to v1 code (a v2 Datastore would reach it).
    const target = assignedName(call);
    const reads: Edits = [];
    if (target) {
      for (const use of usesOf(ctx, target)) {
        const m = memberOf(use);
        if ((m && m.name !== 'name') || insideV1Call(ctx, use)) return undefined;
        // `store.name` reads the same on the v2 entity: kept, so its finding offers this fix.
        if (m) reads.push([m.attr, m.attr.text]);
      }
    } else if (call.parent?.type !== 'expression_statement') return undefined;
    const c = clientOf(fb, ctx, a.get('workspace'));
    if (!c) return undefined;
    const creds = credentials(fb, a);
    if (creds === undefined) return undefined;
    const entities = fb.needModule('azure.ai.ml.entities');
    const text = `${c.ml}.create_or_update(${entities}.${entity}(${kwargs([
      ['name', a.get('datastore_name')],
      [store[1], a.get(store[0])],
      ['account_name', a.get('account_name')],
      ['protocol', a.get('protocol')],
      ['endpoint', a.get('endpoint')],
      ['credentials', creds ?? undefined],
    ])}))`;
    return combined(fb, call, [[call, text], ...reads, ...c.edits]);
  };
}

/** Account key or SAS token (not both); null without either (identity-based access in both SDKs). */
function keyOrSas(fb: FixBuilder, a: Map<string, SyntaxNode>): string | null | undefined {
  const key = a.get('account_key');
  const sas = a.get('sas_token');
  if (key && sas) return undefined;
  const entities = fb.needModule('azure.ai.ml.entities');
  if (key) return `${entities}.AccountKeyConfiguration(account_key=${key.text})`;
  if (sas) return `${entities}.SasTokenConfiguration(sas_token=${sas.text})`;
  return null;
}

const STORAGE_SIGNATURE = ['workspace', 'datastore_name', '', 'account_name', 'sas_token', 'account_key', 'protocol', 'endpoint', 'overwrite', 'create_if_not_exists', 'skip_validation'];

const BLOB = registration('AzureBlobDatastore', [...STORAGE_SIGNATURE.map((s) => s || 'container_name'), 'blob_cache_timeout', 'grant_workspace_access', 'subscription_id', 'resource_group'], ['container_name', 'container_name'], keyOrSas);
const FILE_SHARE = registration('AzureFileDatastore', STORAGE_SIGNATURE.map((s) => s || 'file_share_name'), ['file_share_name', 'file_share_name'], keyOrSas);
const GEN2 = registration(
  'AzureDataLakeGen2Datastore',
  ['workspace', 'datastore_name', 'filesystem', 'account_name', 'tenant_id', 'client_id', 'client_secret', 'resource_url', 'authority_url', 'protocol', 'endpoint', 'overwrite', 'subscription_id', 'resource_group', 'grant_workspace_access'],
  ['filesystem', 'filesystem'],
  (fb, a) => {
    const sp = ['tenant_id', 'client_id', 'client_secret'];
    const given = sp.filter((k) => a.get(k));
    if (!given.length && !a.get('resource_url') && !a.get('authority_url')) return null;
    if (given.length !== 3) return undefined;
    return `${fb.needModule('azure.ai.ml.entities')}.ServicePrincipalConfiguration(${kwargs([...sp, 'authority_url', 'resource_url'].map((k) => [k, a.get(k)] as [string, SyntaxNode | undefined]))})`;
  },
);

// ---------------------------------------------------------------------------------------------
// For the job rewrites

/**
 * `use` is read in a simple statement of the block holding the assignment statement `stmt`, after it:
 * no other binding of the name can reach it (reach.ts: the walk back from the use stops at `stmt`,
 * which binds on every path; no loop, branch or function around either).
 */
function straightUse(stmt: SyntaxNode, use: SyntaxNode): boolean {
  let top: SyntaxNode = use;
  while (top.parent && !same(top.parent, stmt.parent)) top = top.parent;
  return stmt.type === 'expression_statement' && !!top.parent && top.type === 'expression_statement' && top.startIndex > stmt.endIndex;
}

/** `X.as_named_input("n")` → X (a literal name); anything else → itself. */
function unnamed(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  const fn = node?.type === 'call' ? node.childForFieldName('function') : undefined;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'as_named_input') return node ?? undefined;
  const a = bindArgs(node!, ['name'], ['name']);
  return a?.get('name')?.type === 'string' ? fn.childForFieldName('object') ?? undefined : undefined;
}

/**
 * What the variable `name` (read by a job's dataset consumption) holds: the right side (`value`) of its binding's
 * `name = <value>` statement (`stmt`); `sole` when that binding is the name's only one in its scope or alone reaches its
 * uses (reach.ts `soleBinding`, a notebook binding it again in later cells), `once` when it is also read only here, and
 * then `lines`, the statement's whole lines (statementLines; undefined when it shares a line), to go with the reader's
 * rewrite. `read`: the identifier read (`name`, or the dataset variable below).
 * The consumption variable, the how-to-create-machine-learning-pipelines shape (`ds_input = my_dataset.as_named_input("n")`,
 * then `ds_input.as_download()`), is stepped through once, to the dataset variable's own binding (`value` and the rest
 * then describe `my_dataset`; `consumption`: the consumption variable's lines), and only when it is read only here and
 * its lines can go: a consumption variable read elsewhere too (`inputs=[ds_input]`, `print(ds_input)`) keeps v1's
 * config for those reads, so no fix.
 */
function boundValue(ctx: RuleContext, name: SyntaxNode, step = true): { value: SyntaxNode; stmt: SyntaxNode; sole: boolean; once: boolean; lines?: SyntaxNode; read: SyntaxNode; consumption?: SyntaxNode } | undefined {
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  const value = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) && assign.parent?.type === 'expression_statement' ? assign.childForFieldName('right') : undefined;
  if (!b || !value) return undefined;
  const stmt = assign!.parent!;
  const sole = (b.scope.bindings.get(name.text) ?? []).length === 1 || soleBinding(ctx.model, b);
  const once = sole && soleUse(ctx, b);
  const lines = once ? statementLines(ctx, stmt) : undefined;
  const dataset = unnamed(value);
  if (!step || dataset?.type !== 'identifier' || same(dataset, value)) return { value, stmt, sole, once, lines, read: name };
  const inner = lines ? boundValue(ctx, dataset, false) : undefined;
  return inner && { ...inner, consumption: lines };
}

/**
 * The `Dataset.File.from_files(...)` call (maybe `.as_named_input("n")`) that `node` is or was assigned from (a variable whose
 * binding alone reaches it: boundValue), and the expression to replace by the URI. Also through a consumption variable made
 * from a dataset variable (boundValue): `my_dataset = Dataset.File.from_files(...)`, `ds_input =
 * my_dataset.as_named_input("n")`, `ds_input.as_download()` (`via`: the dataset variable's name, which then holds
 * the URI; `drop`: the consumption's statement, which goes).
 */
function fileDataset(ctx: RuleContext, node: SyntaxNode | undefined): { made: SyntaxNode; replaced: SyntaxNode; single: boolean; via?: string; drop?: SyntaxNode } | undefined {
  const expr = unnamed(node);
  if (expr?.type === 'identifier') {
    // Bound again (a notebook reusing `dataset` cell after cell): only where this binding alone reaches its uses (reach.ts).
    const v = boundValue(ctx, expr);
    if (!v?.sole) return undefined;
    if (v.consumption) return qnameOf(ctx, v.value) === FROM_FILES ? { made: v.value, replaced: v.value, single: v.once, via: v.read.text, drop: v.consumption } : undefined;
    const made = unnamed(v.value);
    return made && qnameOf(ctx, made) === FROM_FILES ? { made, replaced: v.value, single: v.once } : undefined;
  }
  return expr && qnameOf(ctx, expr) === FROM_FILES ? { made: expr, replaced: expr, single: true } : undefined;
}

/**
 * For the job rewrites (jobs.ts, pipelines.ts): the v2 job input for a v1 FileDataset consumption
 * expression, `ds.as_named_input("x").as_mount()` / `.as_download()` (or `x.as_mount()` with
 * `x = Dataset.File.from_files(...).as_named_input("x")`), where the dataset is
 * `Dataset.File.from_files(path=(datastore, "folder"))` (or `[(...)]`, `datastore.path("folder")`)
 * used only there. `input` replaces the expression: `Input(type=AssetTypes.URI_FOLDER, path=...,
 * mode=InputOutputModes.RO_MOUNT | DOWNLOAD)`; `edits` make a dataset variable the folder's
 * datastore URI `f"azureml://datastores/<name>/paths/folder"` (the short form jobs read; RW:
 * https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2). A folder (a path
 * ending in "/" or without an extension) is a uri_folder; one file (a path with an extension, no
 * pattern) a uri_file: v1 passes the mounted/downloaded file's own path then, as v2 does for uri_file.
 * The consumer puts the edits in its own fix, and refers to the input as `${{inputs.<name>}}`.
 */
export function dataInput(fb: FixBuilder, ctx: RuleContext, expr: SyntaxNode): { input: string; edits: Edits; name?: string } | undefined {
  const fn = expr.type === 'call' ? expr.childForFieldName('function') : undefined;
  const made = dataInputOf(fb, ctx, expr, fn);
  return made && { ...made, name: consumptionName(ctx, fn?.childForFieldName('object') ?? undefined) };
}

/** The literal `as_named_input("n")` name of a consumption (inline, or in the assignment of the variable it reads), `n`. */
function consumptionName(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  if (node?.type === 'identifier') {
    const b = ctx.model.resolveName(node.text, node);
    const assign = b?.node.parent;
    node = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') ?? undefined : undefined;
  }
  const fn = node?.type === 'call' ? node.childForFieldName('function') : undefined;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'as_named_input') return undefined;
  return stringValue(bindArgs(node!, ['name'], ['name'])?.get('name'));
}

function dataInputOf(fb: FixBuilder, ctx: RuleContext, expr: SyntaxNode, fn: SyntaxNode | null | undefined): { input: string; edits: Edits } | undefined {
  const how = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const mode = how === 'as_mount' ? 'RO_MOUNT' : how === 'as_download' ? 'DOWNLOAD' : undefined;
  const found = mode && noArgs(expr) ? fileDataset(ctx, fn!.childForFieldName('object') ?? undefined) : undefined;
  const registered = mode && noArgs(expr) && !found ? registeredFile(ctx, fn!.childForFieldName('object') ?? undefined, expr) : undefined;
  if (registered) {
    const input = `${fb.need('azure.ai.ml', 'Input')}(type=${fb.need('azure.ai.ml.constants', 'AssetTypes')}.URI_FOLDER, path=${registered.path}, mode=${fb.need('azure.ai.ml.constants', 'InputOutputModes')}.${mode})`;
    return { input, edits: [registered.stmt, registered.also].filter((n): n is SyntaxNode => !!n).map((n): [SyntaxNode, string] => [n, '']) };
  }
  if (!found) return undefined;
  const file = fileUri(ctx, found.made, expr);
  if (!file) return undefined;
  const uri = file.uri;
  // One file (no pattern, no other step): v1 hands the job the file's own path, not the folder
  // (azureml-core data/context_managers.py DatasetContextManager `_try_update_env_var_for_single_file`:
  // the mount point + `dataset.to_path()[0]`), as a v2 uri_file input does (RW: "uri_file": the path
  // to the file, https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2).
  // (A partition_format adds a step: v1 passes the folder then.)
  if (!file.folder && bindArgs(found.made, ['path', 'validate', 'partition_format', 'is_file'], ['path', 'validate'])?.get('partition_format')) return undefined;
  const type = file.folder ? 'URI_FOLDER' : 'URI_FILE';
  // The dataset made inside the expression itself, or in a variable's assignment; a variable read
  // elsewhere too (`dataset.to_path()`, `dataset.register(...)`) stays the v1 dataset for those reads,
  // the job reading the same datastore folder.
  const inline = !found.single || (found.replaced.startIndex >= expr.startIndex && found.replaced.endIndex <= expr.endIndex);
  const input = `${fb.need('azure.ai.ml', 'Input')}(type=${fb.need('azure.ai.ml.constants', 'AssetTypes')}.${type}, path=${inline ? uri : found.via ?? unnamedText(ctx, fn!.childForFieldName('object')!)}, mode=${fb.need('azure.ai.ml.constants', 'InputOutputModes')}.${mode})`;
  const drop: Edits = found.drop ? [[found.drop, '']] : [];
  return { input, edits: inline ? drop : [[found.replaced, uri], ...drop] };
}

/**
 * A registered dataset mounted or downloaded in a job: `Dataset.get_by_name(ws, name="n"[, version=v])`
 * inline, or a variable bound once to it and used only there (its statement goes: `stmt`). Mounting
 * means it is a FileDataset, which a v2 job takes as a uri_folder (MIG: "v1 FileDataset consumed by a
 * v2 job is mapped to uri_folder", https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data);
 * the asset by name, `azureml:<name>:<version>` / `azureml:<name>@latest`
 * (https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2, Input paths). A name that
 * is not a literal (`name=dataset_train_name`, a parameter) goes in an f-string when it means the same at
 * the consumption `at` (a name bound alike there, a literal's format), its latest version only (a computed
 * version may be "latest" or a number: two path forms).
 */
function registeredFile(ctx: RuleContext, node: SyntaxNode | undefined, at: SyntaxNode): { path: string; stmt?: SyntaxNode; also?: SyntaxNode } | undefined {
  const found = registeredLookup(ctx, node);
  if (!found) return undefined;
  const { nameArg, stmt, also } = found;
  const name = stringValue(nameArg);
  const v = found.version;
  const version = v === undefined ? 'latest' : v.type === 'integer' ? v.text : stringValue(v);
  if (nameArg && name === undefined && version === 'latest' && ['identifier', 'attribute'].includes(nameArg.type) && stableAt(ctx, nameArg, at)) {
    return { path: `f"azureml:{${nameArg.text}}@latest"`, stmt, also };
  }
  if (!name || !ASSET_NAME.test(name) || !version || !/^(latest|[0-9]+)$/.test(version)) return undefined;
  return { path: JSON.stringify(version === 'latest' ? `azureml:${name}@latest` : `azureml:${name}:${version}`), stmt, also };
}

const DATASETS_GET = 'azureml.core.Workspace.datasets.get';

/**
 * The registered dataset lookup a job consumption `node` (`x[.as_named_input("n")]`) reads:
 * `Dataset.get_by_name(ws, name=[, version=])`, `ws.datasets.get(name)` or `ws.datasets[name]` (v1's dict of
 * registered datasets, latest versions: azureml-core workspace.py `datasets`), inline or through a
 * variable: one bound once (or whose binding alone reaches its uses, reach.ts, a notebook binding
 * it again in later cells) used only there, whose statement goes (`stmt`), or one read elsewhere too
 * whose lookup stays for those reads (a later statement of the same block).
 */
function registeredLookup(ctx: RuleContext, node: SyntaxNode | undefined): { nameArg?: SyntaxNode; version?: SyntaxNode; stmt?: SyntaxNode; also?: SyntaxNode } | undefined {
  let expr = unnamed(node);
  let stmt: SyntaxNode | undefined;
  let also: SyntaxNode | undefined;
  if (expr?.type === 'identifier') {
    const v = boundValue(ctx, expr);
    if (!v) return undefined;
    if (v.once) {
      stmt = v.lines;
      if (!stmt) return undefined;
    } else if (!straightUse(v.stmt, v.read)) return undefined;
    // (Bound again or read elsewhere, the keras MLN notebook's `dataset = Dataset.get_by_name(ws, name)`
    // then `dataset.to_path()`: the lookup stays for those; the job reads the asset by name.)
    expr = unnamed(v.value);
    // `x = dataset.as_named_input("n")` read once (`x.as_mount()`), dataset a lookup variable (boundValue): that lookup;
    // x's statement goes with the job's rewrite (`also`), the lookup's as above.
    also = v.consumption;
  }
  if (expr?.type === 'call' && qnameOf(ctx, expr) === DATASETS_GET) {
    const a = bindArgs(expr, ['name'], ['name']);
    return a?.get('name') ? { nameArg: a.get('name'), stmt, also } : undefined;
  }
  if (expr?.type === 'subscript') {
    const dict = expr.childForFieldName('value');
    const key = expr.childForFieldName('subscript');
    return dict && isDatasets(ctx, dict) && key && expr.namedChildren.length === 2 && key.type !== 'slice' ? { nameArg: key, stmt, also } : undefined;
  }
  if (expr?.type !== 'call' || qnameOf(ctx, expr) !== GET_BY_NAME) return undefined;
  const a = bindArgs(expr, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
  return a ? { nameArg: a.get('name'), version: a.get('version'), stmt, also } : undefined;
}

/**
 * For jobs.ts: a registered table given whole to a job's arguments, `ds.as_named_input("x")` (v1 gave
 * the script the dataset, read `run.input_datasets["x"]`), ds a lookup of the literal name "n"
 * (registeredLookup, latest version) that this document registers as an MLTable data asset in v2 code
 * before it (`<client>.data.create_or_update(Data(..., type=AssetTypes.MLTABLE, name="n'"))`,
 * what registerEdit writes; n' = assetName(n), renamed: `review`) → `Input(type=AssetTypes.MLTABLE,
 * path="azureml:n'@latest")` (how-to-mltable, "Read the data asset in a job": an mltable input the script
 * loads with `mltable.load(args.input)`, https://learn.microsoft.com/azure/machine-learning/how-to-mltable;
 * Input paths `azureml:<name>@latest`, https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2).
 * Not an asset v1 registered as a TabularDataset: mltable fails to load those (KeyError 'paths',
 * https://github.com/Azure/azure-sdk-for-python/issues/38944).
 */
export function tableInput(fb: FixBuilder, ctx: RuleContext, expr: SyntaxNode): { input: string; edits: Edits; name?: string; review: boolean } | undefined {
  const fn = expr.type === 'call' ? expr.childForFieldName('function') : undefined;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'as_named_input') return undefined;
  const name = stringValue(bindArgs(expr, ['name'], ['name'])?.get('name'));
  const found = registeredLookup(ctx, expr);
  const v1 = stringValue(found?.nameArg);
  const v2 = assetName(v1);
  const latest = !found?.version || stringValue(found.version) === 'latest';
  if (!name || !found || found.also || !v2 || !latest || !v2RegisteredTable(ctx, v2.name, expr)) return undefined;
  const input = `${fb.need('azure.ai.ml', 'Input')}(type=${fb.need('azure.ai.ml.constants', 'AssetTypes')}.MLTABLE, path=${JSON.stringify(`azureml:${v2.name}@latest`)})`;
  return { input, edits: found.stmt ? [[found.stmt, '']] : [], name, review: v2.renamed };
}

/** Set by jobs.ts: the v1 job whose arguments hold `consumption` (`ds.as_named_input("x")`) has a rewrite, its whole lifecycle. */
type TableJob = (ctx: RuleContext, consumption: SyntaxNode) => boolean;
let tableJob: TableJob | undefined;
export function setTableJob(f: TableJob): void {
  tableJob = f;
}
/** Set while jobTakesTable probes a job before the registration is rewritten (v2RegisteredTable holds then). */
let assumeTable = false;

/**
 * The registered dataset lookup `lookup` (`ws.datasets.get("n")`, ...) is consumed once as
 * `.as_named_input("x")` (inline or through a variable bound to it) by a job that takes it as an
 * MLTable input once the registration is v2 (renameConsistent: then the renamed asset is read alike).
 */
function jobTakesTable(ctx: RuleContext, lookup: SyntaxNode): boolean {
  const target = assignedName(lookup);
  const uses = target ? usesOf(ctx, target) : [lookup];
  const calls = uses.map((u) => memberOf(u)).map((m) => (m?.name === 'as_named_input' ? m.call : undefined));
  if (!uses.length || !tableJob || assumeTable) return false;
  assumeTable = true;
  try {
    return calls.every((c) => !!c && tableJob!(ctx, c));
  } finally {
    assumeTable = false;
  }
}

/** The module registers `name` as an MLTable data asset in v2 code before `at`: `x.data.create_or_update(Data(..., type=AssetTypes.MLTABLE, name="name"))`. */
function v2RegisteredTable(ctx: RuleContext, name: string, at: SyntaxNode): boolean {
  if (assumeTable) return true;
  return ctx.model.tree.rootNode.descendantsOfType('call').some((c) => {
    const fn = c.childForFieldName('function');
    if (c.endIndex > at.startIndex || fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'create_or_update' || fn.childForFieldName('object')?.type !== 'attribute' || fn.childForFieldName('object')!.childForFieldName('attribute')?.text !== 'data') return false;
    const data = callArgs(c).positional[0] ?? callArgs(c).keywords.get('data');
    if (data?.type !== 'call' || qnameOf(ctx, data) !== 'azure.ai.ml.entities.Data' || sdkOf(ctx.model.evaluate(data.childForFieldName('function')!)) !== 'v2') return false;
    const a = callArgs(data);
    const type = a.keywords.get('type');
    return stringValue(a.keywords.get('name')) === name && !!type && (/^(\w+\.)?MLTABLE$/.test(type.text) || stringValue(type) === 'mltable');
  });
}

/**
 * The datastore URI of a `Dataset.File.from_files(path=...)` call's one path, `(datastore, "p")` /
 * `[(datastore, "p")]` / `datastore.path("p")`, read at `at`: the short form
 * `"azureml://datastores/<name>/paths/p"` (an f-string reading `{datastore.name}` when the name is not a
 * literal; RW), and whether it is a folder (ends in "/" or has no extension). Undefined for globs.
 */
function fileUri(ctx: RuleContext, made: SyntaxNode, at: SyntaxNode): { uri: string; folder: boolean } | undefined {
  const a = bindArgs(made, ['path', 'validate', 'partition_format', 'is_file'], ['path', 'validate']);
  let path = a?.get('path');
  if (path?.type === 'list' && path.namedChildren.length === 1) path = path.namedChildren[0];
  let ds: SyntaxNode | undefined;
  let rel: SyntaxNode | undefined;
  if (path?.type === 'tuple' && path.namedChildren.length === 2) [ds, rel] = path.namedChildren;
  else if (path?.type === 'call' && qnameOf(ctx, path) === 'azureml.core.Datastore.path') {
    ds = path.childForFieldName('function')?.childForFieldName('object') ?? undefined;
    rel = bindArgs(path, ['path'], ['path'])?.get('path');
  }
  const value = relativeValue(constPath(ctx, rel));
  const origin = ds && datastoreOrigin(ctx, ds);
  if (!ds || !origin || !value || /[*?[]/.test(value)) return undefined;
  if (ctx.model.resolveName(ds.text, ds) !== ctx.model.resolveName(ds.text, at)) return undefined;
  const name = fValue(origin.name);
  const uri = name && /^[A-Za-z0-9_]+$/.test(name) ? `"azureml://datastores/${name}/paths/${value}"` : `f"azureml://datastores/{${ds.text}.name}/paths/${value}"`;
  return { uri, folder: value.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(value.slice(value.lastIndexOf('/') + 1)) };
}

/**
 * `x = Dataset.File.from_files(path=...)` registered, `x.register(workspace=ws, name=, description=, tags=,
 * create_new_version=True)` (x used only there; the result unused or read for its name) →
 * `ml_client.data.create_or_update(Data(path=<datastore URI>, type=AssetTypes.URI_FOLDER | URI_FILE, name=,
 * description=, tags=))` (DATA: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data,
 * "Create a file dataset" → uri_folder / uri_file Data); the producer's statement goes.
 * create_new_version=False (the default): v1 registers only a new name, as version 1 (registerEdit): `version="1"`.
 */
function fileRegisterEdits(fb: FixBuilder, ctx: RuleContext, made: SyntaxNode): Edits | undefined {
  const target = assignedName(made);
  const uses = target ? usesOf(ctx, target) : [];
  const m = uses.length === 1 ? memberOf(uses[0]) : undefined;
  const call = m?.name === 'register' ? m.call : undefined;
  const assign = made.parent!;
  const producer = assign.type === 'assignment' && same(assign.childForFieldName('right'), made) && assign.parent?.type === 'expression_statement' ? assign.parent : undefined;
  if (!target || target.type !== 'identifier' || !call || !producer) return undefined;
  if ((ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length > 2) return undefined;
  const a = bindArgs(call, ['workspace', 'name', 'description', 'tags', 'create_new_version'], ['workspace', 'name', 'description', 'tags', 'create_new_version']);
  const v2 = assetName(stringValue(a?.get('name')));
  const newVersion = a?.get('create_new_version')?.text ?? 'False';
  if (!a || !v2 || !['True', 'False'].includes(newVersion) || (newVersion === 'False' && tryOrLoop(call)) || (v2.renamed && !renameConsistent(ctx, stringValue(a.get('name'))!))) return undefined;
  // Description and tags: literals or names meaning the same where the v2 call is (they stay where they are).
  // The result: unused, or read only for its name.
  const result = assignedName(call);
  if (result && !usesOf(ctx, result).every((u) => memberOf(u)?.name === 'name')) return undefined;
  const stmt = call.parent?.type === 'expression_statement' ? call.parent : result && call.parent?.parent?.type === 'expression_statement' ? call.parent.parent : undefined;
  const gone = statementLines(ctx, producer);
  const file = fileUri(ctx, made, call);
  const c = clientOf(fb, ctx, a.get('workspace'));
  if (!stmt || !gone || !file || !c || c.edits.length || (v2.renamed && !endsLine(ctx, call))) return undefined;
  const data = `${fb.needModule('azure.ai.ml.entities')}.Data(${kwargs([
    ['path', file.uri],
    ['type', `${fb.need('azure.ai.ml.constants', 'AssetTypes')}.${file.folder ? 'URI_FOLDER' : 'URI_FILE'}`],
    ['name', v2.renamed ? JSON.stringify(v2.name) : a.get('name')],
    ['version', newVersion === 'False' ? '"1"' : undefined],
    ['description', a.get('description')],
    ['tags', a.get('tags')],
  ])})`;
  return [[gone, ''], [call, `${c.ml}.data.create_or_update(${data})${v2.renamed ? REVIEW : ''}`]];
}

/** The dataset variable of `ds` / `ds.as_named_input("n")`. */
function unnamedText(ctx: RuleContext, node: SyntaxNode): string {
  void ctx;
  return unnamed(node)!.text;
}

/** The v1 call whose arguments hold `node` (a consumer of a dataset: ScriptRunConfig, PythonScriptStep...). */
function enclosingV1Call(ctx: RuleContext, node: SyntaxNode, depth = 0): SyntaxNode | undefined {
  for (let n = node.parent; n && !n.type.endsWith('statement'); n = n.parent) {
    if (n.type === 'argument_list' && n.parent?.type === 'call') {
      const q = qnameOf(ctx, n.parent);
      if (q && sdkOf({ kind: 'ref', qname: q }) === 'v1') return n.parent;
    }
    // An item of `args = [...]` whose one use is an argument (`ScriptRunConfig(arguments=args)`):
    // that call (jobs.ts takes the list's items into its command and inputs).
    const target = n.type === 'list' && depth === 0 ? assignedName(n) : undefined;
    if (target) {
      const uses = usesOf(ctx, target);
      return uses.length === 1 ? enclosingV1Call(ctx, uses[0], depth + 1) : undefined;
    }
  }
  return undefined;
}

/**
 * The fix of the one v1 call a dataset variable made by `call` is handed to (that fix must edit
 * `call` to be offered: v1-fixes `delegated`); for `x = x.register(...)` (the variable's one use),
 * the call the registered `x` is handed to (AutoMLConfig: automl.ts rewrites the chain with it).
 */
function handedTo(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  let target = assignedName(call);
  const only = target && usesOf(ctx, target).length === 1 ? memberOf(usesOf(ctx, target)[0]) : undefined;
  if (only?.name === 'register' && only.call) target = assignedName(only.call);
  // The parts of `a, b = x.random_split(...)` are x's uses too.
  const uses = (target ? usesOf(ctx, target) : []).flatMap((u) => {
    const m = memberOf(u);
    const left = m?.name === 'random_split' && m.call?.parent?.type === 'assignment' ? m.call.parent.childForFieldName('left') : undefined;
    return left ? left.namedChildren.flatMap((p) => usesOf(ctx, p)) : [u];
  });
  const owners = uses.map((u) => enclosingV1Call(ctx, u)).filter((o): o is SyntaxNode => !!o);
  return owners.length && owners.every((o) => same(o, owners[0])) ? fb.sameFixAs(owners[0]) : undefined;
}

/** `Dataset.File.from_files(...)`: the fix of its registration (which deletes it), else of the job configuration taking it. */
const fromFiles: Builder = (fb, ref, ctx) => {
  const target = assignedName(ref.call!);
  const uses = target ? usesOf(ctx, target) : [];
  const m = uses.length === 1 ? memberOf(uses[0]) : undefined;
  return m?.name === 'register' && m.call ? fb.sameFixAs(m.call) : byConsumer(fb, ref, ctx);
};

/** A consumption chain (or the FileDataset made for it) offers the fix of the job configuration that takes it, if that rewrites it. */
const byConsumer: Builder = (fb, ref, ctx) => {
  let node: SyntaxNode | undefined = ref.call ?? ref.node;
  // The producer (`x = Dataset.File.from_files(...)[.as_named_input("n")]`): the consumer of its one use.
  let up: SyntaxNode = node;
  if (up.parent?.type === 'attribute' && up.parent.parent?.type === 'call' && up.parent.childForFieldName('attribute')?.text === 'as_named_input') up = up.parent.parent;
  const target = assignedName(up);
  if (target) {
    const uses = usesOf(ctx, target);
    node = uses.length === 1 ? uses[0] : undefined;
    // `my_dataset` read once as `ds_input = my_dataset.as_named_input("n")`: the consumer of ds_input's one use.
    const named = node?.parent?.type === 'attribute' && same(node.parent.childForFieldName('object'), node) && node.parent.childForFieldName('attribute')?.text === 'as_named_input' ? node.parent.parent : undefined;
    const next = named?.type === 'call' ? assignedName(named) : undefined;
    if (next) {
      const again = usesOf(ctx, next);
      node = again.length === 1 ? again[0] : undefined;
    }
  }
  const owner = node && enclosingV1Call(ctx, node);
  return owner ? fb.sameFixAs(owner) : undefined;
};

/**
 * `TabularDatasetFactory().from_delimited_files(...)`: the factory's static methods called on an
 * instance (azureml-core dataset_factory.py: `@staticmethod`), which the model resolves as the class
 * call: the instance offers that call's fix (which replaces it).
 */
const factoryInstance: Builder = (fb, ref, ctx) => {
  const attr = ref.call!.parent;
  const outer = attr?.type === 'attribute' && same(attr.childForFieldName('object'), ref.call!) && attr.parent?.type === 'call' && same(attr.parent.childForFieldName('function'), attr) ? attr.parent : undefined;
  return outer && noArgs(ref.call!) && TABULAR.includes(qnameOf(ctx, outer) ?? '') ? fb.sameFixAs(outer) : undefined;
};

/**
 * `Dataset.get_all(ws)` read only for its names (`n in Dataset.get_all(ws).keys()`, `n not in ...`, iterated,
 * `len`/`list`/`sorted`/`set` of it): v1's dict of the registered datasets keyed by registration name
 * (azureml-core dataset.py `get_all`: "A dictionary of TabularDataset and FileDataset objects keyed by their
 * registration name", the dict `ws.datasets` is) → the dict of the listed data assets by name,
 * `{d.name: d for d in ml_client.data.list()}` (DataOperations.list,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.dataoperations), as workspace.ts
 * writes for `ws.datasets` (v1's values are not read; workspace.ts `keysOnly`). On the client of the same workspace, which needs no other
 * edit (workspace.ts `datasetNames`).
 */
const datasetsGetAll: Builder = (fb, ref, ctx) =>
  keysOnly(ctx, ref.call!) ? datasetNames(fb, ctx, bindArgs(ref.call!, ['workspace'], ['workspace'])?.get('workspace')) : undefined;

export const DATA: Rewrites = {
  calls: {
    'azureml.core.Datastore.upload': upload(true),
    'azureml.core.Datastore.upload_files': upload(false),
    'azureml.core.Dataset.File.upload_directory': uploadDirectory,
    // `DataPath(datastore, "p")` as an upload_directory target: rewritten with it; else pipelines.ts's
    // (a DataPath pipeline parameter; required at the call: pipelines.ts imports this module).
    [DATA_PATH]: (fb, ref, ctx) => {
      const args = ref.call!.parent;
      const kw = args?.type === 'keyword_argument' ? args.parent : args;
      const owner = kw?.type === 'argument_list' ? kw.parent : undefined;
      if (owner?.type === 'call' && qnameOf(ctx, owner) === 'azureml.core.Dataset.File.upload_directory') return fb.sameFixAs(owner);
      // A from_delimited_files / from_parquet_files path (inline, or a variable read only there): that call's fix.
      const target = assignedName(ref.call!);
      const uses = target ? usesOf(ctx, target) : [];
      const tabular = enclosingTabular(ctx, uses.length === 1 ? uses[0] : ref.call!);
      if (tabular) return fb.sameFixAs(tabular);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./pipelines') as typeof import('./pipelines')).PIPELINES.calls[DATA_PATH]?.(fb, ref, ctx);
    },
    // Else the fix of the one v1 call it is handed to, if that rewrites it (AutoMLConfig training_data: automl.ts).
    [FROM_DELIMITED]: (fb, ref, ctx) => combined(fb, ref.call!, tabularEdits(fb, ctx, ref.call!)) ?? handedTo(fb, ctx, ref.call!),
    [FROM_PARQUET]: (fb, ref, ctx) => combined(fb, ref.call!, tabularEdits(fb, ctx, ref.call!)),
    'azureml.core.Dataset.Tabular': factoryInstance,
    ...Object.fromEntries(['azureml.data.TabularDataset', 'azureml.core.Dataset'].map((t): [string, Builder] => [
      `${t}.to_pandas_dataframe`,
      (fb, ref, ctx) => {
        const x = receiver(ref);
        const made = tabularProducer(ctx, x);
        if (!made) return undefined;
        // A helper's parameter (`def clean_data(data)`): the fix of the dataset its one call passes, as that fix is titled.
        if (x?.type === 'identifier' && ctx.model.resolveName(x.text, x)?.kind === 'param') return fb.sameFixAs(made);
        // Its own edit when the read is a statement of its own; else the edit (statement, chain) holding it.
        return (TABULAR.includes(qnameOf(ctx, made) ?? '') ? combined(fb, ref.call!, tabularEdits(fb, ctx, made)) : undefined) ?? fb.sameFixAs(made);
      },
    ])),
    // Rewritten with the dataset (its fix edits them, or the statement / chain holding them).
    ...Object.fromEntries(['azureml.data.TabularDataset', 'azureml.core.Dataset'].flatMap((t) => ['register', 'take', 'drop_columns', 'keep_columns', 'random_split'].map((m): [string, Builder] => [
      `${t}.${m}`,
      (fb, ref, ctx) => {
        const made = tabularProducer(ctx, receiver(ref));
        return made ? fb.sameFixAs(made) : undefined;
      },
    ]))),
    // A registered dataset read as a table (else the workspace table's lookup read for name/version).
    // (a registered file dataset mounted in a job: the job's fix, `dataInput`)
    // (Not a call that does not parse, `Dataset.get_by_name(ws, name=)`: no argument is what it seems.)
    [GET_BY_NAME]: (fb, ref, ctx) => combined(fb, ref.call!, registeredEdits(fb, ctx, ref.call!)) ?? WORKSPACE.calls[GET_BY_NAME]?.(fb, ref, ctx) ?? byConsumer(fb, ref, ctx),
    // A lookup given to jobs (tableInput / dataInput): the fix of the job holding its one use; a lookup
    // nothing reads any more (the jobs that read it rewritten: each keeps it for the others) goes, as
    // v1's dict read has no effect; else the workspace table's (read for name/version).
    [DATASETS_GET]: (fb, ref, ctx) => {
      const target = assignedName(ref.call!);
      const stmt = target?.parent?.parent;
      if (target && stmt?.type === 'expression_statement' && stmt.parent?.type === 'module' && !usesOf(ctx, target).length) {
        return fb.removeStatement(stmt, 'Remove the unused dataset lookup');
      }
      // Read as a table (`x = ws.datasets.get("n")`, `x.to_pandas_dataframe()`): registeredEdits.
      return combined(fb, ref.call!, registeredEdits(fb, ctx, ref.call!)) ?? WORKSPACE.calls[DATASETS_GET]?.(fb, ref, ctx) ?? byConsumer(fb, ref, ctx);
    },
    // `ws.datasets.keys()` in the get-or-register test: rewritten with the registration.
    'azureml.core.Workspace.datasets.keys': (fb, ref, ctx) => {
      const made = guardedProducer(ctx, ref.call!);
      if (made) return fb.sameFixAs(made);
      // Else read only for its names (the DP-100 `for name in list(ws.datasets.keys())`): workspace.ts.
      const attr = ref.call!.childForFieldName('function')?.childForFieldName('object');
      return attr ? datasetNamesFix(fb, ctx, attr, ref.call!) : undefined;
    },
    // `datastore.path("x/*.csv")` inside a from_delimited_files call: rewritten with it.
    'azureml.core.Datastore.path': (fb, ref, ctx) => {
      const owner = enclosingTabular(ctx, ref.call!);
      if (owner) return fb.sameFixAs(owner);
      // (in a file dataset: that dataset's fix)
      let files: SyntaxNode | null = ref.call!.parent;
      while (files && !files.type.endsWith('statement') && !(files.type === 'call' && qnameOf(ctx, files) === FROM_FILES)) files = files.parent;
      return files?.type === 'call' ? fromFiles(fb, { ...ref, node: files, call: files }, ctx) : undefined;
    },
    'azureml.core.Datastore.register_azure_blob_container': BLOB,
    'azureml.core.Datastore.register_azure_file_share': FILE_SHARE,
    'azureml.core.Datastore.register_azure_data_lake_gen2': GEN2,
    // A registered file dataset: the registration's fix (which deletes the producer).
    [FROM_FILES]: fromFiles,
    'azureml.data.FileDataset.register': (fb, ref, ctx) => {
      const ds = receiver(ref);
      const made = ds && definingCall(ctx, ds);
      return made && qnameOf(ctx, made) === FROM_FILES ? combined(fb, ref.call!, fileRegisterEdits(fb, ctx, made)) : undefined;
    },
    'azureml.data.FileDataset.as_named_input': byConsumer,
    'azureml.data.dataset_consumption_config.DatasetConsumptionConfig.as_mount': byConsumer,
    'azureml.data.dataset_consumption_config.DatasetConsumptionConfig.as_download': byConsumer,
    // (the model's names for mounts of a dataset it does not type further: `Dataset.get_by_name(...)`)
    'azureml.core.Dataset.as_named_input': byConsumer,
    'azureml.core.Dataset.as_mount': byConsumer,
    'azureml.core.Dataset.as_download': byConsumer,
    'azureml.core.Dataset.get_all': datasetsGetAll,
  },
  attributes: {
    'azureml.core.Datastore.name': datastoreNameRead,
    // `x.name` / `x.version` of `x = ds.register(...)`: rewritten with the registration (x the v2 Data asset: registerEdit).
    ...Object.fromEntries(['name', 'version'].map((m): [string, Builder] => [
      `azureml.data.TabularDataset.${m}`,
      (fb, ref, ctx) => {
        const x = receiver(ref);
        const made = x?.type === 'identifier' ? definingCall(ctx, x) : undefined;
        const producer = made && qnameOf(ctx, made) === 'azureml.data.TabularDataset.register' ? tabularProducer(ctx, made) : undefined;
        return producer ? fb.sameFixAs(producer) : undefined;
      },
    ])),
    // `ws.datasets` in the get-or-register idiom: rewritten with the registration; else `x = ws.datasets[key]` read as a table.
    'azureml.core.Workspace.datasets': (fb, ref, ctx) => {
      const made = guardedProducer(ctx, ref.node);
      if (made) return fb.sameFixAs(made);
      const subscript = ref.node.parent;
      const edits = subscript?.type === 'subscript' && same(subscript.childForFieldName('value'), ref.node) ? registeredEdits(fb, ctx, subscript) : undefined;
      if (!edits) return datasetNamesFix(fb, ctx, ref.node, ref.node);
      // The attribute becomes the lookup; `[key]` after it goes (as workspace.ts does for `ws.datastores[n]`).
      fb.replace({ start: nodeRange(ref.node).end, end: nodeRange(subscript!).end }, '');
      for (const [n, t] of edits.slice(1)) fb.replace(n, t);
      return edits[0][1];
    },
    'azureml.data.dataset_type_definitions.PromoteHeadersBehavior.NO_HEADERS': (fb, ref, ctx) => {
      const owner = enclosingTabular(ctx, ref.node);
      return owner ? fb.sameFixAs(owner) : undefined;
    },
  },
};
