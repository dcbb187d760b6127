import { expect } from '@open-wc/testing';
import { mock, requestCount, uniqueName } from '../harness.js';
import { FIXTURES, WIDGET_TAGS, catchUncaught, mount, settledView, widgetsIn } from './widgets.js';

/* 20 widgets of mixed kinds on one page, some through <cl-feed>, some with their own src: one feed request. */
describe('many instances', () => {
  it('20 mixed widgets make one feed request and all show content', async () => {
    const name = uniqueName('many');
    const url = await mock(name, { body: await (await fetch(`${FIXTURES}/feed.json`)).json(), delayMs: 100 });
    const uncaught = catchUncaught();
    const tags = Array.from({ length: 20 }, (_, i) => WIDGET_TAGS[i % WIDGET_TAGS.length]!);
    const container = mount(
      `<cl-feed src="${url}">${tags
        .slice(0, 10)
        .map((tag, i) => `<${tag} id="${tag}-${i}"></${tag}>`)
        .join('')}</cl-feed>` +
        tags
          .slice(10)
          .map((tag, i) => `<${tag} id="${tag}-own-${i}" src="${url}"></${tag}>`)
          .join(''),
    );
    try {
      const widgets = widgetsIn(container);
      expect(widgets.length).to.equal(20);
      const views = [];
      for (const el of widgets) views.push(await settledView(el));
      expect(views).to.deep.equal(Array(20).fill('content'));
      expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
      expect(uncaught.errors).to.deep.equal([]);
    } finally {
      container.remove();
      uncaught.stop();
    }
  });
});
