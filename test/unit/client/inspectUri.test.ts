import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspectPath, inspectQuery, parseInspectQuery } from '../../../client/src/inspect/inspectUri';

describe('inspect document URIs', () => {
  test('when the format is pretty or json → the path ends .txt or .json (editor language) and names the image', () => {
    assert.equal(
      inspectPath({ image: '127.0.0.1:5000/ns/app:1.0', format: 'pretty' }),
      '/127.0.0.1:5000_ns_app:1.0 trust.txt',
    );
    assert.equal(inspectPath({ image: 'app', format: 'json' }), '/app trust.json');
  });

  test('when a query is built → parsing it gives back the exact image and format', () => {
    const target = { image: 'registry.example:5000/a/b:v1&x=y', format: 'json' } as const;
    assert.deepEqual(parseInspectQuery(inspectQuery(target)), target);
  });

  test('when the query lacks an image or has an unknown format → it is rejected', () => {
    assert.equal(parseInspectQuery('format=pretty'), undefined);
    assert.equal(parseInspectQuery('image=a&format=yaml'), undefined);
  });
});
