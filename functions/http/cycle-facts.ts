import type { DisciplineLevel } from '../../events/discipline';
import type { CampaignDefinition } from '../../events/campaign';
import type { CycleFacts } from '../../domain/awards/cycle-eligibility';
import type { TitleCode } from '../../domain/titles';
import { scoreLinesOf } from '../projections/evaluation';
import { rosterOfCycle } from '../roster';
import { type ViewRecord, batchGetViews, queryViews } from '../store/views';
import { pledgePartition, scoresPartition, viewKeys } from '../store/view-keys';
import type { RouteHandler } from './types';

type AwardEntry = { title: TitleCode; granted: boolean; year: number; campaignId: string; decisionId: string };

/**
 * Every fact eligibility needs for a cycle, from seven Queries of the views and one GetItem (the campaign) at once:
 * the cycle's roster (members where they are on the review date) and departments, and per participant its final
 * grade, pledge, discipline, recognized initiatives and research, CSTĐCS years and the titles decisions granted it
 * in this cycle. `excludeDecision`: a decision being recorded again (a correction) does not count its own old grants.
 * Shared by GET eligibility and the decision command, so both judge eligibility from the same facts.
 */
export const loadCycleFacts = async (deps: Parameters<RouteHandler>[1], org: string, campaignId: string, year: number, excludeDecision?: string) => {
  const [departments, members, scores, pledges, discipline, initiatives, awards, [campaign]] = await Promise.all([
    queryViews(deps, viewKeys.department(org, '').pk),
    queryViews(deps, viewKeys.member(org, '').pk),
    queryViews(deps, scoresPartition(org, campaignId, year)),
    queryViews(deps, pledgePartition(org, campaignId, year)),
    queryViews(deps, viewKeys.discipline(org, year, '').pk),
    queryViews(deps, viewKeys.initiative(org, campaignId, year, '').pk),
    queryViews(deps, viewKeys.awards(org, 'member', '').pk),
    batchGetViews(deps, [viewKeys.campaign(org, campaignId)]),
  ]);
  const collectiveLdttRule = (campaign?.definition as CampaignDefinition | undefined)?.collectiveLdttRule;
  const entries = new Map(scoreLinesOf(scores).map((line) => [`${line.participantKind}:${line.participantId}`, line]));
  const gradeOf = (kind: string, id: string) => {
    const entry = entries.get(`${kind}:${id}`);
    return entry?.final ? entry.grade : null;
  };
  const pledged = new Set(pledges.filter((pledge) => pledge.status === 'active').map((pledge) => pledge.sk));
  const disciplineOf = new Map(discipline.map((item) => [item.sk, item.level as DisciplineLevel | null]));
  // Counted once per author, looked up per participant: the answer is linear in the organization, never quadratic.
  // Research projects (kind "de-tai", accepted = recognized at base level) are counted apart from initiatives; an
  // initiative or project counts province-wide once the Office records the province's decision.
  type Recognized = { initiatives: number; provinceWide: number; research: number };
  const recognizedOf = new Map<string, Recognized>();
  for (const item of initiatives.filter((each) => each.status === 'recognized')) {
    const author = item.author as { kind: string; id: string };
    const counts = recognizedOf.get(`${author.kind}:${author.id}`) ?? { initiatives: 0, provinceWide: 0, research: 0 };
    const research = item.kind === 'de-tai';
    recognizedOf.set(`${author.kind}:${author.id}`, {
      initiatives: counts.initiatives + (research ? 0 : 1),
      provinceWide: counts.provinceWide + (item.provinceWide ? 1 : 0),
      research: counts.research + (research ? 1 : 0),
    });
  }
  const count = (kind: string, id: string, which: keyof Recognized = 'initiatives') => recognizedOf.get(`${kind}:${id}`)?.[which] ?? 0;
  const grantedOf = new Map(
    awards.map((item) => [
      item.sk,
      Object.values((item.entries ?? {}) as Record<string, AwardEntry>).filter((entry) => entry.granted && entry.decisionId !== excludeDecision),
    ]),
  );
  const roster = rosterOfCycle(members, year);
  const facts: CycleFacts = {
    members: new Map(
      roster.map((member: ViewRecord) => {
        const granted = grantedOf.get(member.sk) ?? [];
        return [
          member.sk,
          {
            year,
            grade: gradeOf('member', member.sk),
            pledged: pledged.has(`member#${member.sk}`),
            disciplineLevel: disciplineOf.get(member.sk) ?? null,
            recognizedInitiatives: count('member', member.sk),
            provinceWideInitiatives: count('member', member.sk, 'provinceWide'),
            acceptedResearch: count('member', member.sk, 'research') > 0,
            previousCstdcsYears: granted.filter((entry) => entry.title === 'chien-si-thi-dua-co-so').map((entry) => entry.year),
            grantedTitles: granted.filter((entry) => entry.year === year && entry.campaignId === campaignId).map((entry) => entry.title),
            departmentId: member.departmentId as string,
            name: member.fullName as string,
          },
        ];
      }),
    ),
    departments: new Map(
      departments.map((department: ViewRecord) => [
        department.sk,
        {
          collectiveGrade: gradeOf('department', department.sk),
          pledged: pledged.has(`department#${department.sk}`),
          ...(collectiveLdttRule ? { ldttPercentOverride: collectiveLdttRule.percent, ldttPercentSource: collectiveLdttRule.source } : {}),
          name: department.name as string,
        },
      ]),
    ),
  };
  return { departments, members: roster, facts };
};
