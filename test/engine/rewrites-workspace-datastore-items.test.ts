import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

/**
 * Round 30 (workspace.ts): `ws.datastores` iterated for its items, the loop of v1's "list all
 * datastores" docs (`datastores = ws.datastores` / `for name, ds in datastores.items(): print(name,
 * ds.datastore_type)`). v1's `Workspace.datastores` is a dict of every datastore by name
 * (https://learn.microsoft.com/python/api/azureml-core/azureml.core.workspace.workspace); v2 lists them
 * with `ml_client.datastores.list()` (DatastoreOperations), so the dict is built from that list. A value
 * read for `name` reads the same; `datastore_type` has no v2 attribute of that name: v2's `type`
 * (a DatastoreType member, printed otherwise than v1's string), the print marked for review.
 */
const HEAD = ['from azureml.core import Workspace', 'ws = Workspace.from_config()'];
const V2_HEAD = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', 'ws = MLClient.from_config(credential=DefaultAzureCredential())'];
const DICT = '{d.name: d for d in ws.datastores.list()}';

describe('rewrites round 30: ws.datastores iterated for its items (AML101/AML106)', () => {
  rewriteCases([
    [
      'the docs loop through a variable, the type printed',
      [...HEAD, 'datastores = ws.datastores', 'for name, datastore in datastores.items():', '    print(name, datastore.datastore_type)', ''].join('\n'),
      [...V2_HEAD, `datastores = ${DICT}`, 'for name, datastore in datastores.items():', '    print(name, datastore.type)  # amlint: review', ''].join('\n'),
    ],
    [
      'items() on the attribute itself, values read for their name',
      [...HEAD, 'for key, store in ws.datastores.items():', '    print(key, store.name)', ''].join('\n'),
      [...V2_HEAD, `for key, store in ${DICT}.items():`, '    print(key, store.name)', ''].join('\n'),
    ],
    [
      'values() read for the name',
      [...HEAD, 'for store in ws.datastores.values():', '    print("datastore:", store.name)', ''].join('\n'),
      [...V2_HEAD, `for store in ${DICT}.values():`, '    print("datastore:", store.name)', ''].join('\n'),
    ],
    [
      'a workspace that stays v1 (handed to an imported helper): the loop on a client of the same config',
      ['from azureml.core import Workspace', 'from helpers import submit', 'ws = Workspace.from_config()', 'submit(ws)', 'for name, ds in ws.datastores.items():', '    print(name, ds.datastore_type)', ''].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azureml.core import Workspace',
        'from helpers import submit',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = Workspace.from_config()',
        'submit(ws)',
        'for name, ds in {d.name: d for d in ml_client.datastores.list()}.items():',
        '    print(name, ds.type)  # amlint: review',
        '',
      ].join('\n'),
    ],
  ]);

  // Look-alikes that stay v1: the value used otherwise than v2 has alike.
  const refused: Array<[string, string[]]> = [
    ['the type compared (v2 `type` is another value)', ['for name, ds in ws.datastores.items():', '    if ds.datastore_type == "AzureBlob":', '        print(name)']],
    ['the type printed with other text after the print', ['for name, ds in ws.datastores.items():', '    print(name, ds.datastore_type); print("-")']],
    ['an account name read (ADLS Gen1 has none in v2)', ['for ds in ws.datastores.values():', '    print(ds.account_name)']],
    ['a value handed to a v1 call', ['from azureml.core import Dataset', 'for name, ds in ws.datastores.items():', '    print(Dataset.File.from_files(path=[(ds, "data/")]))']],
    ['the dict variable also printed whole', ['stores = ws.datastores', 'for name, ds in stores.items():', '    print(name)', 'print(stores)']],
    ['a value bound to another name', ['for name, ds in ws.datastores.items():', '    keep = ds', '    print(keep.name)']],
  ];
  for (const [title, body] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, ...body, ''].join('\n');
      const f = lint({ kind: 'python', text: src }).findings.filter((x) => x.message.startsWith('`Workspace.datastores'));
      assert.ok(f.length, 'a finding at ws.datastores');
      for (const x of f) assert.ok(!x.fixes?.length, `no fix on ${x.message.split(' ')[0]}`);
      const out = fixPython(src, true);
      assert.ok(parses(out));
      assert.ok(!out.includes('datastores.list()'), 'the dict stays v1');
    });
  }
});
