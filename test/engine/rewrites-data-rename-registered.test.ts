/**
 * A renamed data asset (v2 refuses spaces: "loan data" → "loan-data") stays consistent only when every writer
 * of the v1 name is rewritten too (data.ts renameConsistent). A registration left v1 (here: `tab = tab.register(...)`
 * in a loop, whose next pass would read what the first bound) still writes "loan data", so a read of that
 * name must not be renamed, or it would look for an asset nobody registers.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython } from './helpers';

function fixed(text: string, api: string): boolean {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  return found.some((f) => f.fixes?.length);
}

const head = [
  'from azureml.core import Workspace, Dataset, Datastore',
  'ws = Workspace.from_config()',
  'ds = Datastore.get(ws, "blobstore")',
  'tab = Dataset.Tabular.from_delimited_files(path=(ds, "loan/loan.csv"))',
];
const read = 'df = ws.datasets.get("loan data").to_pandas_dataframe()';

describe('rewrites (data): a renamed asset read only where its registration is rewritten too', () => {
  it('a registration rebinding the table in a loop is refused, and so is the read of its v1 name', () => {
    const text = [...head, 'for i in range(2):', '    tab = tab.register(workspace=ws, name="loan data", create_new_version=True)', read, ''].join('\n');
    assert.equal(fixed(text, 'TabularDataset.register'), false);
    assert.equal(fixed(text, 'Workspace.datasets.get'), false);
    const out = fixPython(text, true);
    assert.ok(!out.includes('loan-data'), out);
    assert.ok(out.includes('ws.datasets.get("loan data")'), out);
  });

  it('a v1 reader of the name left (read for its id) keeps every registration and read of it v1, whichever finding asks first', () => {
    const text = [...head.slice(0, 3), read, head[3], 'tab.register(workspace=ws, name="loan data", create_new_version=True)', 'x = Dataset.get_by_name(ws, "loan data")', 'print(x.id)', ''].join('\n');
    assert.equal(fixed(text, 'TabularDataset.register'), false);
    assert.equal(fixed(text, 'Workspace.datasets.get'), false);
    assert.ok(!fixPython(text, true).includes('loan-data'));
  });

  it('two registrations of the name: both renamed when nothing v1 reads it, neither when something does', () => {
    const two = [...head, 'tab.register(workspace=ws, name="loan data", create_new_version=True)', 'tab2 = Dataset.Tabular.from_delimited_files(path=(ds, "loan/loan2.csv"))', 'tab2.register(workspace=ws, name="loan data", create_new_version=True)'];
    const out = fixPython([...two, ''].join('\n'), true);
    assert.equal(out.split('name="loan-data"').length - 1, 2, out);
    assert.ok(!out.includes('loan data'), out);
    const kept = fixPython([...two, 'x = Dataset.get_by_name(ws, "loan data")', 'print(x.id)', ''].join('\n'), true);
    assert.ok(!kept.includes('loan-data'), kept);
  });

  it('the same registration outside the loop is rewritten, and the read follows its new name', () => {
    const text = [...head, 'tab = tab.register(workspace=ws, name="loan data", create_new_version=True)', read, ''].join('\n');
    assert.equal(fixed(text, 'TabularDataset.register'), true);
    const out = fixPython(text, true);
    assert.ok(out.includes('name="loan-data")'), out);
    assert.ok(out.includes('ml_client.data.get(name="loan-data", label="latest")'), out);
    assert.ok(!out.includes('loan data'), out);
  });
});
