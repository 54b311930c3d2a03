import { maskIdNumber, maskPhone, ROLE_LABELS } from '@qiangji/domain';
import { csvLines, postExport, xlsxRows } from '../test/exports';
import { regionTree } from '../test/factories';
import { reportEvent } from '../test/grid';
import { cityAdmin, fakeIdNumber, gridsOf, household, resident } from '../test/people';
import { serviceItem, submitApplication } from '../test/services';
import { startTestApp, type TestApp } from '../test/test-app';
import { MODULES } from './modules';
import { cadre, one, stationedCounty } from '../test/villages';

/** The export audit rows of an actor, newest first. */
async function exportAudits(app: TestApp, actorId: string, action: string) {
  return app.db.query(
    `SELECT action, entity_type AS "entityType", changes, region_path::text AS "regionPath"
     FROM audit_event WHERE actor_id = $1 AND action = $2 ORDER BY at DESC, id DESC`,
    [actorId, action],
  );
}

/**
 * One export per module of issue 13's lists, through real HTTP against PostgreSQL: each applies the list's
 * filter and jurisdiction, masks what the list masks, is audited, and comes as CSV (BOM, Chinese headers,
 * formulas neutralised) and as a workbook exceljs reads back.
 */
describe('exports of the villages, services, grid and access lists', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('when a city administrator exports every declared list, then each streams its Chinese headers after the BOM', async () => {
    await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
    const admin = await cityAdmin(app);
    // The lists whose arguments are required: the convenience map needs a place.
    const args: Record<string, object> = { nearby: { at: { lat: 45.77, lng: 126.62 } } };
    const lists = MODULES.flatMap((m) => m.exports ?? []);
    expect(lists.map((l) => l.list)).toEqual(
      expect.arrayContaining(
        ['users', 'apiKeys', 'regions', 'workUnits', 'pairings', 'stationedCadres', 'postings', 'visits']
          .concat(['assistances', 'villageIndicators', 'communityProfiles', 'serviceItems', 'policies'])
          .concat(['serviceApplications', 'nearby', 'gridUnits', 'gridEvents', 'securityStatistics'])
          .concat(['satisfactionSurveys', 'legalEducationEvents']),
      ),
    );
    for (const spec of lists) {
      const res = await postExport(app, admin, spec.list, { format: 'csv', arguments: args[spec.list] });
      const [header] = await csvLines(res);
      expect([spec.list, header]).toEqual([spec.list, spec.columns.map((c) => c.label.zh).join(',')]);
    }
  });

  describe('villages: 驻村干部 (stationedCadres)', () => {
    let here: Awaited<ReturnType<typeof stationedCounty>>;
    let there: Awaited<ReturnType<typeof stationedCounty>>;
    let injected: { id: string; name: string };
    beforeAll(async () => {
      [here, there] = [await stationedCounty(app), await stationedCounty(app)];
      const unit = await one<{ id: string }>(
        here.officer,
        `mutation($input: CreateWorkUnitInput!) { createWorkUnit(input: $input) { id } }`,
        {
          input: {
            name: '=HYPERLINK("http://x")',
            kind: 'DEPARTMENT',
            level: 'COUNTY',
            regionCode: here.county,
          },
        },
      );
      injected = await cadre(here.officer, unit.id, here.villages[1]);
    });

    it('when a county officer exports the cadres of one work unit, then those only, phones masked, Chinese headers, one audit row', async () => {
      const filter = { workUnitId: here.unitId };
      const [header, ...rows] = await csvLines(
        await postExport(app, here.officer, 'stationedCadres', { format: 'csv', filter }),
      );
      expect(header).toBe('姓名,联系电话,派出单位,所驻村,区划代码,有账号,登记时间');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(here.cadre.name);
      expect(rows[0]).toContain(`,${maskPhone('13900001111')},`);
      expect(rows.join()).not.toContain('13900001111');
      expect(rows[0]).toMatch(/,是,/);
      const [audit] = await exportAudits(app, here.officer.userId, 'stationedCadre.export');
      expect(audit).toMatchObject({
        entityType: 'StationedCadre',
        changes: { format: 'csv', rows: 1, filter },
      });
    });

    it("when the filter names another county, then FORBIDDEN; without one, the other county's cadres are absent", async () => {
      const outside = await postExport(app, here.officer, 'stationedCadres', {
        format: 'csv',
        filter: { regionCode: there.county },
      });
      expect(outside.status).toBe(403);
      const all = (
        await csvLines(await postExport(app, here.officer, 'stationedCadres', { format: 'csv' }))
      ).join('\n');
      expect(all).toContain(here.cadre.name);
      expect(all).toContain(injected.name);
      expect(all).not.toContain(there.cadre.name);
    });

    it("when a work unit's name begins with =, then CSV and XLSX show it as text, and the workbook opens", async () => {
      const filter = { regionCode: here.villages[1] };
      const csv = await csvLines(
        await postExport(app, here.officer, 'stationedCadres', { format: 'csv', filter }),
      );
      expect(csv[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
      const [header, row] = await xlsxRows(
        await postExport(app, here.officer, 'stationedCadres', { format: 'xlsx', filter }),
      );
      expect(header.slice(0, 3)).toEqual(['姓名', '联系电话', '派出单位']);
      expect(row.slice(0, 3)).toEqual([injected.name, maskPhone('13900001111'), `'=HYPERLINK("http://x")`]);
    });
  });

  describe('services: 办件 (serviceApplications)', () => {
    let staff: Awaited<ReturnType<TestApp['signIn']>>;
    let numbers: string[];
    let otherNumber: string;
    const sonId = fakeIdNumber('230102');
    beforeAll(async () => {
      const [tree, other] = [
        await regionTree(app.db, { streets: 1, communities: 1, grids: 1 }),
        await regionTree(app.db, { streets: 1, communities: 1, grids: 1 }),
      ];
      const community = tree.rows.find((r) => r.level === 'COMMUNITY')!.code;
      const otherCommunity = other.rows.find((r) => r.level === 'COMMUNITY')!.code;
      const admin = await cityAdmin(app);
      staff = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: community });
      const item = await serviceItem(admin, community, { name: '老年证办理' });
      const home = await household(app, gridsOf(tree)[0], { address: '中医街84号', tags: [] });
      const mother = await resident(app, home.id, { name: '宋庆华', tags: ['ELDERLY'] });
      const actingFor = { name: '宋建国', relationship: '儿子', idNumber: sonId, phone: '13900002222' };
      numbers = [
        (
          await submitApplication(staff, {
            itemId: item.id,
            residentId: mother.id,
            regionCode: community,
            actingFor,
          })
        ).number,
        (await submitApplication(staff, { itemId: item.id, residentId: mother.id, regionCode: community }))
          .number,
      ];
      const otherItem = await serviceItem(admin, otherCommunity);
      const otherHome = await household(app, gridsOf(other)[0], { tags: [] });
      const neighbour = await resident(app, otherHome.id, { tags: ['ELDERLY'] });
      otherNumber = (
        await submitApplication(admin, {
          itemId: otherItem.id,
          residentId: neighbour.id,
          regionCode: otherCommunity,
        })
      ).number;
    });

    it('when community staff export their applications as XLSX, then theirs only, the acting person masked, audited', async () => {
      const rows = await xlsxRows(await postExport(app, staff, 'serviceApplications', { format: 'xlsx' }));
      const [header, ...body] = rows;
      expect(header.slice(0, 4)).toEqual(['办件编号', '事项', '状态', '申请渠道']);
      expect(body.map((r) => r[0]).sort()).toEqual([...numbers].sort());
      expect(body.map((r) => r[0])).not.toContain(otherNumber);
      const acting = body.find((r) => r[0] === numbers[0])!;
      expect(acting).toEqual(
        expect.arrayContaining(['老年证办理', '已提交', '宋建国', '儿子', maskIdNumber(sonId)]),
      );
      expect(acting).toContain(maskPhone('13900002222'));
      expect(JSON.stringify(rows)).not.toContain(sonId);
      const [audit] = await exportAudits(app, staff.userId, 'serviceApplication.export');
      expect(audit.changes).toMatchObject({ format: 'xlsx', rows: 2 });
    });

    it("when the list's filter is given, then the export applies it", async () => {
      const lines = await csvLines(
        await postExport(app, staff, 'serviceApplications', { format: 'csv', filter: { q: numbers[1] } }),
      );
      expect(lines).toHaveLength(2);
      expect(lines[1].split(',')[0]).toBe(numbers[1]);
    });
  });

  describe('grid: 网格事件 (gridEvents) and 网格 (gridUnits)', () => {
    let officer: Awaited<ReturnType<TestApp['signIn']>>;
    let district: string;
    let grids: string[];
    let events: { number: string }[];
    let elsewhere: { number: string };
    beforeAll(async () => {
      const tree = await regionTree(app.db, { streets: 1, communities: 1, grids: 2 });
      const other = await regionTree(app.db, { streets: 1, communities: 1, grids: 1 });
      district = tree.districtCode;
      grids = gridsOf(tree);
      officer = await app.signIn({ roles: ['DISTRICT_OFFICER'], jurisdiction: district });
      const worker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: grids[0] });
      const otherWorker = await app.signIn({ roles: ['GRID_WORKER'], jurisdiction: gridsOf(other)[0] });
      events = [
        await reportEvent(worker, grids[0], { description: '-楼道堆放杂物' }),
        await reportEvent(worker, grids[0], {
          category: 'ENVIRONMENT_SANITATION',
          description: '垃圾未清运',
        }),
      ];
      elsewhere = await reportEvent(otherWorker, gridsOf(other)[0]);
    });

    it('when a district officer exports fire hazards, then only those of the district, labelled in Chinese, a leading - neutralised', async () => {
      const filter = { category: ['FIRE_HAZARD'] };
      const [header, ...rows] = await csvLines(
        await postExport(app, officer, 'gridEvents', { format: 'csv', filter }),
      );
      expect(header.split(',').slice(0, 5)).toEqual(['编号', '类别', '紧急程度', '状态', '期限状态']);
      expect(rows).toHaveLength(1);
      expect(rows[0].split(',')[0]).toBe(events[0].number);
      expect(rows[0]).toContain(",'-楼道堆放杂物,");
      expect(rows.join()).not.toContain(elsewhere.number);
      const [audit] = await exportAudits(app, officer.userId, 'gridEvent.export');
      expect(audit.changes).toMatchObject({ rows: 1, filter });
    });

    it("when grid units are exported with the list's own arguments, then its subtree; an argument it lacks is refused", async () => {
      const [header, ...rows] = await csvLines(
        await postExport(app, officer, 'gridUnits', { format: 'csv', arguments: { regionCode: district } }),
      );
      expect(header).toBe('网格,区划代码,网格员,启用日期');
      expect(rows.map((r) => r.split(',')[1]).sort()).toEqual([...grids].sort());
      const unknown = await postExport(app, officer, 'gridUnits', { format: 'csv', arguments: { nope: 1 } });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { field: 'arguments.nope' } }] });
    });

    it("when grid units are exported with the list's filter, then the units it names, as the list shows them", async () => {
      const [header, ...rows] = await csvLines(
        await postExport(app, officer, 'gridUnits', {
          format: 'csv',
          filter: { regionCode: district, q: grids[1] },
        }),
      );
      expect(header).toBe('网格,区划代码,网格员,启用日期');
      expect(rows.map((r) => r.split(',')[1])).toEqual([grids[1]]);
    });
  });

  describe('access: 用户 (users) and 行政区划 (regions)', () => {
    it("when a district's administrator exports the accounts, then those of the district only, roles in Chinese, no secret", async () => {
      const [tree, other] = [
        await regionTree(app.db, { streets: 1, communities: 1, grids: 0 }),
        await regionTree(app.db, { streets: 1, communities: 1, grids: 0 }),
      ];
      const admin = await app.signIn({ roles: ['CITY_ADMIN'], jurisdiction: tree.districtCode });
      const staff = await app.signIn({
        roles: ['COMMUNITY_STAFF'],
        jurisdiction: tree.rows.find((r) => r.level === 'COMMUNITY')!.code,
      });
      const outsider = await app.signIn({ roles: ['COMMUNITY_STAFF'], jurisdiction: other.districtCode });
      const [header, ...rows] = await csvLines(await postExport(app, admin, 'users', { format: 'csv' }));
      expect(header).toBe('用户名,姓名,角色,管辖区划,区划代码,已停用,创建时间');
      expect(rows.map((r) => r.split(',')[0]).sort()).toEqual([admin.username, staff.username].sort());
      expect(rows.join()).toContain(ROLE_LABELS.COMMUNITY_STAFF.zh);
      expect(rows.join()).not.toContain(outsider.username);
      expect(rows.join()).not.toMatch(/\$argon|\$scrypt|password/i);
      const [audit] = await exportAudits(app, admin.userId, 'user.export');
      expect(audit).toMatchObject({ entityType: 'User', changes: { rows: 2 } });
      const denied = await postExport(app, staff, 'users', { format: 'csv' });
      expect(denied.status).toBe(403);
    });

    it('when regions are exported with a filter, then the server pages them all, levels by their Chinese names', async () => {
      const tree = await regionTree(app.db, { streets: 2, communities: 2, grids: 0 });
      const supervisor = await app.signIn({ roles: ['SUPERVISOR'] });
      const [header, ...rows] = await csvLines(
        await postExport(app, supervisor, 'regions', {
          format: 'csv',
          filter: { withinCode: tree.districtCode, level: ['COMMUNITY'] },
          orderBy: { field: 'CODE', direction: 'DESC' },
        }),
      );
      expect(header).toBe('区划代码,名称,全称,层级,上级代码,上级');
      const communities = tree.rows.filter((r) => r.level === 'COMMUNITY').map((r) => r.code);
      expect(rows.map((r) => r.split(',')[0])).toEqual([...communities].sort().reverse());
      expect(rows[0].split(',')[3]).toBe('社区');
    });
  });
});
