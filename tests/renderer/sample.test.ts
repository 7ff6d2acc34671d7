import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/renderer/actions/registry';
import { stepBlocker } from '../../src/renderer/debugger/step-blocker';
import { checkSampleDraft, draftOf, exampleRows, rowsText } from '../../src/renderer/panels/sample-text';
import { compiledFor } from '../../src/renderer/stores/compiled-graph';
import { loadExample, state } from './helpers';

const TEXTBOOK = { input: [[0.05, 0.1]], target: [[0.01, 0.99]] };

describe('the sample as text', () => {
  beforeEach(loadExample);

  it('shows one row to a line, and reads back what it shows', () => {
    expect(
      rowsText([
        [0.05, 0.1],
        [1, 2],
      ]),
    ).toBe('[[0.05, 0.1],\n [1, 2]]');
    expect(rowsText(undefined)).toBe('');
    const draft = draftOf(state().model.sample);
    expect(draft).toEqual({ input: '[[0.05, 0.1]]', target: '[[0.01, 0.99]]' });
    expect(checkSampleDraft(state().model, draft)).toEqual({ ok: true, sample: TEXTBOOK });
  });

  it('gives a placeholder of the shape a row has', () => {
    expect(exampleRows([2])).toBe('[[0, 0]]');
    expect(exampleRows([1, 2, 2])).toBe('[[[[0, 0], [0, 0]]]]');
  });

  it('says which field is wrong and why, in the words the engine would use', () => {
    const model = state().model;
    expect(checkSampleDraft(model, { input: '[[0.05, 0.1', target: '' })).toMatchObject({
      ok: false,
      field: 'input',
      message: expect.stringMatching(/^not JSON/),
    });
    expect(checkSampleDraft(model, { input: '[[0.05, "a"]]', target: '' })).toMatchObject({
      ok: false,
      field: 'input',
      message: expect.stringMatching(/rows of numbers/),
    });
    expect(checkSampleDraft(model, { input: '[[0.05, 0.1, 0.2]]', target: '' })).toMatchObject({
      ok: false,
      field: 'input',
      message: expect.stringMatching(/sample input has shape \[1, 3\] but input node 'x' takes \[1, 2\]/),
    });
    expect(checkSampleDraft(model, { input: '[[0.05, 0.1]]', target: '[[1, 2], [3, 4]]' })).toMatchObject({
      ok: false,
      field: 'target',
      message: expect.stringMatching(/sample target has shape \[2, 2\]/),
    });
    expect(checkSampleDraft(model, { input: ' ', target: '[[1, 2]]' })).toMatchObject({ ok: false, field: 'target' });
  });

  it('takes empty fields as no sample, and rows of any batch', () => {
    const model = state().model;
    expect(checkSampleDraft(model, { input: '', target: '' })).toEqual({ ok: true, sample: undefined });
    expect(checkSampleDraft(model, { input: '[[1, 2], [3, 4]]', target: '[[0, 1], [1, 0]]' })).toEqual({
      ok: true,
      sample: {
        input: [
          [1, 2],
          [3, 4],
        ],
        target: [
          [0, 1],
          [1, 0],
        ],
      },
    });
  });
});

describe('set-sample', () => {
  beforeEach(loadExample);

  it('sets and removes the sample as undoable edits', () => {
    const two = {
      input: [
        [1, 2],
        [3, 4],
      ],
      target: [
        [0, 1],
        [1, 0],
      ],
    };
    expect(runAction('set-sample', { sample: two }).ok).toBe(true);
    expect(state().model.sample).toEqual(two);
    expect(compiledFor(state().model).plan?.batch).toBe(2);
    expect(runAction('set-sample', { sample: undefined }).ok).toBe(true);
    expect('sample' in state().model).toBe(false);
    runAction('undo');
    expect(state().model.sample).toEqual(two);
    runAction('undo');
    expect(state().model.sample).toEqual(TEXTBOOK);
  });

  it('records nothing when the sample does not change, and refuses one that is not numbers', () => {
    const before = state().past.length;
    expect(runAction('set-sample', { sample: structuredClone(TEXTBOOK) }).ok).toBe(true);
    expect(state().past.length).toBe(before);
    const bad = { input: [['a']] } as unknown as typeof TEXTBOOK;
    expect(runAction('set-sample', { sample: bad })).toMatchObject({ ok: false });
  });
});

describe('what keeps the debugger from stepping', () => {
  beforeEach(loadExample);

  it('needs a graph without issues, a sample, and a target for its loss', () => {
    const blocker = () => stepBlocker(state().model, compiledFor(state().model));
    expect(blocker()).toBeNull();
    runAction('set-sample', { sample: { input: [[0.05, 0.1]] } });
    expect(blocker()).toBe('Add a target to step');
    runAction('set-sample', { sample: undefined });
    expect(blocker()).toBe('Add a sample to step');
    runAction('select', { set: { nodeIds: [], edgeIds: ['x->h'] } });
    runAction('delete-selection');
    expect(blocker()).toBe('Fix the graph to step');
  });
});
