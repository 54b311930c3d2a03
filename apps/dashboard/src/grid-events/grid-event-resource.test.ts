import { toReportGridEventInput } from './grid-event-resource';

describe('the report form → ReportGridEventInput', () => {
  it('when the phone gave a position and photos are typed one a line, then both go with the report', () => {
    expect(
      toReportGridEventInput({
        idempotencyKey: 'dashboard-1',
        category: 'FIRE_HAZARD',
        urgency: 'URGENT',
        regionCode: '230102010003001',
        description: ' 楼道堆放杂物 ',
        photoRefs: 'photos/a.jpg\nphotos/b.jpg, photos/c.jpg',
        address: '',
        lat: 45.7732,
        lng: 126.6169,
      }),
    ).toEqual({
      idempotencyKey: 'dashboard-1',
      category: 'FIRE_HAZARD',
      urgency: 'URGENT',
      regionCode: '230102010003001',
      description: '楼道堆放杂物',
      photoRefs: ['photos/a.jpg', 'photos/b.jpg', 'photos/c.jpg'],
      lat: 45.7732,
      lng: 126.6169,
    });
  });

  it('when no position was given, then neither lat nor lng is sent', () => {
    const input = toReportGridEventInput({
      category: 'OTHER',
      regionCode: '230102010003001',
      description: 'x',
      lat: null,
      lng: null,
    });
    expect(input).not.toHaveProperty('lat');
    expect(input).not.toHaveProperty('lng');
    expect(input.photoRefs).toEqual([]);
    expect(input.urgency).toBe('NORMAL');
  });
});
