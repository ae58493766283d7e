/**
 * The demo program's script: Acme Bank's cloud platform program ("Nimbus"), told as data. The
 * generator (generate.ts) turns this script into records with dates relative to today, so the
 * demo always looks current. Everything a person reads in the demo (team and app names, retro
 * notes, blocker titles, toil answers) is written here, apart from the code that places it.
 */
import type { BlockerCategory, GoldenPathKind, TeamKind } from '../domain';

export const PROGRAM_NAME = 'Acme Bank — Cloud Platform Program';
export const PLATFORM_NAME = 'Nimbus';
export const TARGET_APPS = 60;
export const ELIGIBLE_APPS = 150;

/** Apps each cycle aims to onboard: one in the initial phase, then growing as pairing & seeding allows. */
export const CYCLE_GOALS: readonly number[] = [1, 2, 3, 4, 5];
export const STEADY_GOAL = 5;

/**
 * Apps actually selected into each cycle. Cycle 8 selected only four (two seeders were on leave);
 * the cycle after today already has two apps lined up; later cycles none yet.
 */
export const SELECTED_PER_CYCLE: readonly number[] = [1, 2, 3, 4, 5, 5, 5, 5, 4, 5, 5, 5, 2];

/** The cycle whose last selected app was paused, and the one whose last app was dropped. */
export const PAUSED_IN_CYCLE = 3;
export const DROPPED_IN_CYCLE = 6;

export type RuntimeKey = 'java' | 'web' | 'batch' | 'python' | 'dotnet' | 'events';

export interface TeamScript {
  key: string;
  name: string;
  kind: TeamKind;
  notes: string;
  /** Cycle in which the team's first app is selected (product teams that join). */
  joins?: number;
  /** The team whose experienced developer seeds this one; 'platform' for the platform team. */
  seededBy?: string;
  /** Product teams' portfolios, best first is decided by the generator from the scores. */
  apps?: readonly string[];
  /** Team size (people), not counting roles added elsewhere. */
  size: number;
  /** Runtime most of the team's services use, when it is not Java. */
  runtime?: RuntimeKey;
}

export const PLATFORM_TEAM = 'platform';
export const FIRST_DEV_TEAM = 'payments';
export const INFRA_TEAM = 'infra';
export const SECURITY_TEAM = 'security';

export const TEAMS: readonly TeamScript[] = [
  {
    key: PLATFORM_TEAM,
    name: 'Nimbus Platform Team',
    kind: 'platform',
    notes: 'Owns the Nimbus platform as a product: owner, operators, engineers and advocates.',
    size: 12,
  },
  {
    key: FIRST_DEV_TEAM,
    name: 'Payments',
    kind: 'product',
    notes: 'The first developer team: built the first golden path with the platform team.',
    joins: 0,
    size: 5,
    apps: [
      'Payments API',
      'Payment Gateway',
      'SEPA Transfers',
      'Instant Payments',
      'Payment Status Web',
      'Standing Orders Batch',
      'Direct Debits',
      'Payment Reconciliation Batch',
      'Payment Events',
      'Statement Archive',
    ],
  },
  {
    key: 'cards',
    name: 'Cards',
    kind: 'product',
    notes: 'Debit and credit cards, from authorisation to rewards.',
    joins: 1,
    seededBy: PLATFORM_TEAM,
    size: 5,
    apps: [
      'Card Authorization',
      'Card Management API',
      'Card Controls Web',
      'Chargebacks',
      'Card Rewards',
      'Virtual Cards',
      'Card Statement Batch',
      'Card Notifications',
      'Card Limits Service',
    ],
  },
  {
    key: 'lending',
    name: 'Lending',
    kind: 'product',
    notes: 'Loans and mortgages for retail and small business customers.',
    joins: 2,
    seededBy: FIRST_DEV_TEAM,
    size: 4,
    apps: [
      'Loan Origination',
      'Credit Decisioning',
      'Mortgage Calculator Web',
      'Loan Servicing',
      'Collateral Registry',
      'Loan Documents',
      'Repayment Schedule Batch',
      'Affordability Scoring',
      'Broker Portal',
    ],
  },
  {
    key: 'mobile',
    name: 'Mobile Banking',
    kind: 'product',
    notes: 'The back end of the mobile app.',
    joins: 2,
    seededBy: FIRST_DEV_TEAM,
    size: 4,
    apps: [
      'Mobile Backend API',
      'Mobile Push Notifications',
      'App Config Service',
      'Mobile Onboarding Web',
      'Device Binding',
      'Spending Insights',
      'Mobile Feature Flags',
      'Mobile Chat Service',
    ],
  },
  {
    key: 'fraud',
    name: 'Fraud & Risk',
    kind: 'product',
    notes: 'Fraud detection, sanctions and anti-money-laundering.',
    joins: 3,
    seededBy: 'cards',
    size: 4,
    runtime: 'python',
    apps: [
      'Fraud Scoring',
      'Transaction Monitoring',
      'Sanctions Screening',
      'Risk Limits',
      'Fraud Case Management Web',
      'AML Alerts Batch',
      'Device Fingerprinting',
    ],
  },
  {
    key: 'onboarding',
    name: 'Customer Onboarding',
    kind: 'product',
    notes: 'Know-your-customer checks and account opening journeys.',
    joins: 4,
    seededBy: 'lending',
    size: 4,
    apps: [
      'KYC Service',
      'Identity Verification',
      'Customer Onboarding Web',
      'Document Capture',
      'Customer Profile API',
      'Address Lookup',
      'Consent Management',
    ],
  },
  {
    key: 'wealth',
    name: 'Wealth Management',
    kind: 'product',
    notes: 'Investment accounts, advice and the client portal.',
    joins: 4,
    seededBy: 'mobile',
    size: 4,
    apps: [
      'Portfolio API',
      'Robo Advisor',
      'Wealth Client Portal',
      'Order Routing',
      'Fund Prices Batch',
      'Risk Profiler',
      'Advisor Workbench Web',
      'Tax Reporting Batch',
    ],
  },
  {
    key: 'open-banking',
    name: 'Open Banking',
    kind: 'product',
    notes: 'PSD2 APIs for third-party providers.',
    joins: 5,
    seededBy: 'fraud',
    size: 4,
    apps: [
      'Open Banking Gateway',
      'Account Information API',
      'Payment Initiation API',
      'Third Party Registry',
      'Consent Dashboard Web',
      'API Developer Portal',
      'Open Banking Events',
    ],
  },
  {
    key: 'treasury',
    name: 'Treasury',
    kind: 'product',
    notes: 'Liquidity, FX and the treasury desk tools.',
    joins: 6,
    seededBy: 'onboarding',
    size: 4,
    runtime: 'dotnet',
    apps: [
      'FX Rates Service',
      'Liquidity Dashboard Web',
      'Cash Positioning',
      'Treasury Deals',
      'Hedge Accounting Batch',
      'Interest Rate Curves',
      'Collateral Optimizer',
      'Treasury Reporting',
    ],
  },
  {
    key: 'trade',
    name: 'Trade Finance',
    kind: 'product',
    notes: 'Letters of credit, guarantees and supply chain finance.',
    joins: 7,
    seededBy: 'wealth',
    size: 4,
    apps: [
      'Letters of Credit',
      'Trade Documents',
      'Guarantees Service',
      'Supply Chain Finance',
      'Trade Portal Web',
      'Trade Pricing',
      'Trade Compliance Checks',
    ],
  },
  {
    key: 'core',
    name: 'Core Banking',
    kind: 'product',
    notes: 'Accounts, ledgers and the services around the core banking system.',
    joins: 8,
    seededBy: 'open-banking',
    size: 4,
    apps: [
      'Core Accounts API',
      'Customer Ledger',
      'General Ledger Posting',
      'Interest Accrual Batch',
      'Account Opening',
      'Product Catalog',
      'Fees and Charges',
      'Account Statements Batch',
      'Overdraft Service',
      'Dormant Accounts Batch',
      'Branch Cash Service',
      'Core Banking Events',
    ],
  },
  {
    key: 'data',
    name: 'Data & Analytics',
    kind: 'product',
    notes: 'Reporting, the customer 360 view and the models behind them.',
    joins: 9,
    seededBy: 'treasury',
    size: 4,
    runtime: 'python',
    apps: [
      'Customer 360 API',
      'Regulatory Reporting Batch',
      'Data Catalog Web',
      'Churn Model',
      'Marketing Analytics',
      'Data Quality Checks',
      'Finance Data Mart Batch',
      'Reporting Portal Web',
    ],
  },
  {
    key: 'insurance',
    name: 'Insurance',
    kind: 'product',
    notes: 'Home and travel insurance sold with the bank’s accounts.',
    joins: 11,
    seededBy: 'trade',
    size: 4,
    runtime: 'dotnet',
    apps: [
      'Policy Administration',
      'Claims Service',
      'Quote Engine',
      'Insurance Portal Web',
      'Underwriting Rules',
      'Premium Billing Batch',
      'Claims Events',
    ],
  },
  {
    key: 'branch',
    name: 'Retail Branch Systems',
    kind: 'product',
    notes: 'Branch, teller and ATM systems.',
    joins: 12,
    seededBy: 'core',
    size: 2,
    apps: [
      'Branch Queue Service',
      'Teller Workbench Web',
      'Appointment Booking',
      'Branch Reporting Batch',
      'ATM Monitoring',
      'Cash Logistics',
      'Branch Directory API',
    ],
  },
  {
    key: 'hr',
    name: 'HR & Workplace',
    kind: 'product',
    notes: 'Internal tools for staff; not yet planned into a cycle.',
    size: 2,
    apps: [
      'Employee Directory',
      'Leave Requests Web',
      'Payroll Export Batch',
      'Learning Portal Web',
      'Expense Claims',
      'Desk Booking',
    ],
  },
  {
    key: INFRA_TEAM,
    name: 'Infrastructure & Operations',
    kind: 'infrastructure',
    notes: 'Data centers, networks and servers; staff join the platform work by pairing & seeding.',
    size: 5,
  },
  {
    key: SECURITY_TEAM,
    name: 'Security & Governance',
    kind: 'governance-security',
    notes: 'Information security, risk and compliance: the "shift left" partners.',
    size: 4,
  },
];

/** The runtime of an app, from its name and its team's usual runtime. */
export function runtimeOf(appName: string, teamRuntime: RuntimeKey | undefined): RuntimeKey {
  if (/Web$|Portal|Workbench|Dashboard/.test(appName)) return 'web';
  if (/Batch/.test(appName)) return 'batch';
  if (/Events|Notifications/.test(appName)) return 'events';
  if (/Scoring|Model|Analytics|Insights|Quality|Profiler|Advisor/.test(appName)) return 'python';
  return teamRuntime ?? 'java';
}

export function describeApp(teamName: string, runtime: RuntimeKey): string {
  const what: Record<RuntimeKey, string> = {
    java: 'Java service',
    web: 'Browser front end',
    batch: 'Scheduled batch job',
    python: 'Python data service',
    dotnet: '.NET service',
    events: 'Event stream and its consumers',
  };
  return `${what[runtime]} owned by the ${teamName} team.`;
}

export interface GoldenPathScript {
  name: string;
  kind: GoldenPathKind;
  /** The cycle in which it was built. Delivery first; governance and security from cycle 4 ("shift left"). */
  cycle: number;
  description: string;
  /** For delivery paths: the runtime it serves. */
  runtime?: RuntimeKey;
  /** Only apps of these teams use it. */
  teams?: readonly string[];
}

export const GOLDEN_PATHS: readonly GoldenPathScript[] = [
  {
    name: 'Java service',
    kind: 'delivery',
    cycle: 0,
    runtime: 'java',
    description:
      'Spring Boot service from commit to production: buildpack, pipeline, blue/green deploy and dashboards. Built with the Payments team in the initial phase.',
  },
  {
    name: 'Web front end',
    kind: 'delivery',
    cycle: 1,
    runtime: 'web',
    description: 'Static or Node.js front end behind the bank’s single sign-on, with a CDN in front.',
  },
  {
    name: 'Batch job',
    kind: 'delivery',
    cycle: 2,
    runtime: 'batch',
    description: 'Scheduled jobs with retries, alerts and run history instead of cron on a VM.',
  },
  {
    name: 'Python data service',
    kind: 'delivery',
    cycle: 3,
    runtime: 'python',
    description: 'Python APIs and models with pinned dependencies and a model registry.',
  },
  {
    name: 'Secrets from the vault',
    kind: 'security',
    cycle: 4,
    description: 'No secrets in code or config: the platform injects them from the vault and rotates them.',
  },
  {
    name: 'Container image scanning',
    kind: 'security',
    cycle: 4,
    description: 'Every image is scanned in the pipeline; critical findings stop the release.',
  },
  {
    name: 'Change approval in the pipeline',
    kind: 'governance',
    cycle: 5,
    description:
      'The pipeline gathers the evidence for the change record; the change advisory board approves by exception.',
  },
  {
    name: 'Audit logging and evidence',
    kind: 'governance',
    cycle: 6,
    description: 'Structured audit logs shipped to the archive the auditors read, kept for seven years.',
  },
  {
    name: 'PCI DSS cardholder zone',
    kind: 'governance',
    cycle: 7,
    description: 'A separate, hardened zone for apps that touch card data, with its own controls.',
    teams: ['payments', 'cards'],
  },
  {
    name: 'Service-to-service mTLS',
    kind: 'security',
    cycle: 8,
    description: 'Mutual TLS between services with certificates issued and rotated by the platform.',
  },
  {
    name: 'Data retention and deletion',
    kind: 'governance',
    cycle: 9,
    description: 'Retention rules as code: personal data is deleted on schedule and the deletion is logged.',
  },
  {
    name: '.NET service',
    kind: 'delivery',
    cycle: 9,
    runtime: 'dotnet',
    description: '.NET 8 services on Linux containers, with the same pipeline as the Java path.',
  },
  {
    name: 'Event streaming',
    kind: 'other',
    cycle: 10,
    runtime: 'events',
    description: 'Topics, schemas and consumers on the shared Kafka cluster, with dead-letter handling.',
  },
];

export interface CycleScript {
  name: string;
  /** What the retro said, besides the numbers the generator adds. */
  remark: string;
}

export const CYCLES: readonly CycleScript[] = [
  {
    name: 'Payments on Nimbus',
    remark:
      'The first golden path (Java service) came out of pairing with the Payments team. The longest wait in the value stream was the weekly change advisory board; firewall tickets came second.',
  },
  {
    name: 'Cards joins',
    remark:
      'Cards joined with a platform engineer seeded into the team. The web front end path was added. Environment requests still go through the service desk.',
  },
  {
    name: 'First seeding',
    remark:
      'First seeding from the Payments team into Lending and Mobile Banking. The first newsletters and demo day brought three teams asking to join.',
  },
  {
    name: 'Fraud & Risk',
    remark:
      'Fraud & Risk was seeded from Cards: the second generation of seeding. One app was paused because it depends on the mainframe connector.',
  },
  {
    name: 'Shift left: security',
    remark:
      'Secrets and image scanning paths built with Security & Governance. Five apps in one cycle for the first time.',
  },
  {
    name: 'Change approval in the pipeline',
    remark:
      'Change approval moved into the pipeline: the board now reads evidence instead of meeting every week.',
  },
  {
    name: 'Audit logging',
    remark:
      'One app was dropped: it is retired next year and its shared database made the move not worth it. Audit logging path built with Security.',
  },
  {
    name: 'PCI zone',
    remark: 'The PCI zone path unblocked the card apps. Trade Finance was seeded from Wealth Management.',
  },
  {
    name: 'Core Banking',
    remark: 'Only four apps selected: two seeders were on leave. The mTLS path shipped; Core Banking joined.',
  },
  {
    name: 'Data & .NET',
    remark: 'Data retention and .NET paths built; Data & Analytics joined, seeded from Treasury.',
  },
  {
    name: 'Event streaming',
    remark:
      'Event streaming path on the shared Kafka cluster. Every app reached hello world within two weeks.',
  },
  { name: 'Insurance', remark: '' },
  { name: 'Branch systems', remark: '' },
];

export const FIRST_NAMES: readonly string[] = (
  'Aisha Ben Carlos Dana Elif Farid Grace Hiroshi Ines Jonas Kemi Lars Maya Nikhil Olga Pedro Qiu ' +
  'Rosa Sven Tariq Uma Viktor Wen Ximena Yusuf Zofia Amara Bruno Chloé Dmitri Esther Felix Gaurav ' +
  'Hana Ivan Julia Kwame Leila Mateo Nora Oscar Priya Rafael Sofia Tomás Ursula Vera William Yara ' +
  'Zain Anton Beatriz Connor Divya Emil Fatima Gustav Helena Imran Jana Kofi Lucía Marcus Noor ' +
  'Patrick Rania Stefan Thandi Valentina Wojciech Akira Bianca Daniel Eva Hamza Ingrid Jamal ' +
  'Katarina'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Okafor Lindqvist Moreno Kowalski Yilmaz Haddad Chen Tanaka Ferreira Berg Adeyemi Nielsen Patel ' +
  'Ivanova Silva Wang Garcia Johansson Rahman Iyer Novak Li Rojas Demir Nowak Mensah Rossi Petrov ' +
  'Dubois Sato Klein Sharma Horvat Schmidt Mwangi Costa Andersen Kaur Fischer Nakamura Santos ' +
  'Jovanović Murphy Osei Varga Eriksson Bianchi Mahlangu Lopez Kim Weber Dlamini Hoffmann Morales ' +
  'Ali Larsen Popescu Nguyen Becker Aziz'
).split(' ');

export interface BlockerScript {
  category: BlockerCategory;
  subCategory: string;
  title: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  /** The cycle in which it was opened. */
  cycle: number;
  /** Left open or being mitigated as of today; otherwise it is resolved when its time has come. */
  status?: 'open' | 'mitigating';
  /** A team key, or 'paused' / 'dropped' / 'cycle-app' for an app of the story. */
  link?: string;
  notes: string;
}

const PC = 'people-culture';
const PA = 'plans-alignment';
const TE = 'technical-execution';

// prettier-ignore -- one blocker per line reads as a table
export const BLOCKERS: readonly BlockerScript[] = [
  {
    category: PC,
    subCategory: 'Skills, hiring',
    title: 'Nobody in the Payments team had written a pipeline before',
    severity: 'high',
    cycle: 0,
    link: 'payments',
    notes: 'Paired daily with a platform engineer; the pipeline became the first golden path.',
  },
  {
    category: PC,
    subCategory: 'Skills, hiring',
    title: 'Two platform engineer roles unfilled for four months',
    severity: 'high',
    cycle: 1,
    link: 'platform',
    notes: 'Hired one engineer; an operator moved into engineering with pairing.',
  },
  {
    category: PC,
    subCategory: 'Skills, hiring',
    title: 'Kubernetes knowledge held by one operator',
    severity: 'high',
    cycle: 5,
    link: 'infra',
    notes: 'An operator was seeded into Infrastructure & Operations; runbooks written while pairing.',
  },
  {
    category: PC,
    subCategory: 'Reluctance to change',
    title: 'Lending architects want to keep their own deployment scripts',
    severity: 'medium',
    cycle: 2,
    link: 'lending',
    notes: 'The demo day showed the golden path doing the same in ten minutes.',
  },
  {
    category: PC,
    subCategory: 'Reluctance to change',
    title: 'Operations reluctant to give developers production access',
    severity: 'high',
    cycle: 3,
    link: 'infra',
    notes: 'Read-only dashboards and audited break-glass access instead of shell access.',
  },
  {
    category: PC,
    subCategory: 'Scaling new roles',
    title: 'No product manager for the platform after the reorganisation',
    severity: 'high',
    cycle: 4,
    link: 'platform',
    notes: 'The executive sponsor appointed a product manager for Nimbus.',
  },
  {
    category: PC,
    subCategory: 'Scaling new roles',
    title: 'Advocates spread too thin across five onboarding apps',
    severity: 'medium',
    cycle: 11,
    status: 'open',
    link: 'platform',
    notes: 'Asked for a third advocate; seeded developers take the first sessions meanwhile.',
  },
  {
    category: PC,
    subCategory: 'Org. structure',
    title: 'Infrastructure reports to a different CIO than the product teams',
    severity: 'high',
    cycle: 2,
    link: 'infra',
    notes: 'A joint quarterly plan, signed by both CIOs.',
  },
  {
    category: PC,
    subCategory: 'Org. structure',
    title: 'Security team sits outside the delivery organisation',
    severity: 'medium',
    cycle: 4,
    link: 'security',
    notes: 'A security engineer was seeded into the platform team for the shift-left cycle.',
  },
  {
    category: PC,
    subCategory: '“We already do agile.”',
    title: 'Wealth Management: “we already do agile, we don’t need pairing”',
    severity: 'low',
    cycle: 4,
    link: 'wealth',
    notes: 'Two weeks of pairing on the first deploy changed the team’s mind.',
  },
  {
    category: PC,
    subCategory: 'Sustaining change',
    title: 'Seeded developer pulled back to a regulatory project mid-cycle',
    severity: 'medium',
    cycle: 8,
    link: 'open-banking',
    notes: 'Agreed with the head of Open Banking that seeding assignments are protected for the whole cycle.',
  },
  {
    category: PC,
    subCategory: 'Sustaining change',
    title: 'Old release habits return after the platform team leaves',
    severity: 'medium',
    cycle: 7,
    link: 'cards',
    notes: 'Monthly office hours and a second seeded developer in the team.',
  },
  {
    category: PC,
    subCategory: 'Other',
    title: 'Pairing sessions clash with the quarter-end freeze',
    severity: 'low',
    cycle: 6,
    link: 'platform',
    notes: 'Pairing is now planned in the first two months of each quarter.',
  },
  {
    category: PC,
    subCategory: 'Skills, hiring',
    title: 'Insurance developers are new to containers',
    severity: 'medium',
    cycle: 11,
    status: 'mitigating',
    link: 'insurance',
    notes: 'Nimbus 101 training booked; the seeded developer from Trade Finance pairs daily.',
  },
  {
    category: PA,
    subCategory: 'Budgeting',
    title: 'Platform licences not in this year’s budget',
    severity: 'critical',
    cycle: 1,
    link: 'platform',
    notes: 'The executive sponsor moved budget from the data center refresh.',
  },
  {
    category: PA,
    subCategory: 'Budgeting',
    title: 'Chargeback model makes the platform look expensive to product teams',
    severity: 'medium',
    cycle: 6,
    link: 'platform',
    notes: 'First year free for onboarding teams; showback instead of chargeback.',
  },
  {
    category: PA,
    subCategory: 'Budgeting',
    title: 'Next year’s platform budget not yet approved',
    severity: 'high',
    cycle: 11,
    status: 'open',
    link: 'platform',
    notes: 'Business case goes to the investment committee with the adoption report.',
  },
  {
    category: PA,
    subCategory: 'Misaligned executives',
    title: 'Retail and corporate banking heads disagree on which apps go first',
    severity: 'high',
    cycle: 3,
    notes: 'Reviewed the feasibility matrix with both heads and agreed the ranking.',
  },
  {
    category: PA,
    subCategory: 'Misaligned executives',
    title: 'Leadership asks for twenty apps this quarter',
    severity: 'medium',
    cycle: 7,
    notes: 'The capacity forecast showed pairing & seeding allows five; the goal stayed at five.',
  },
  {
    category: PA,
    subCategory: 'IT is still in the basement',
    title: 'Platform seen as an infrastructure cost, not a product',
    severity: 'medium',
    cycle: 2,
    link: 'platform',
    notes: 'A demo day for leadership every cycle, told in business outcomes.',
  },
  {
    category: PA,
    subCategory: 'IT is still in the basement',
    title: 'Product owners not invited to the platform roadmap review',
    severity: 'low',
    cycle: 5,
    link: 'platform',
    notes: 'The roadmap review is now open to every onboarded team.',
  },
  {
    category: PA,
    subCategory: 'Compliance',
    title: 'Auditors require a manual change approval record',
    severity: 'high',
    cycle: 3,
    link: 'security',
    notes: 'The change approval golden path produces the record from the pipeline.',
  },
  {
    category: PA,
    subCategory: 'Compliance',
    title: 'PCI scope unclear for shared clusters',
    severity: 'critical',
    cycle: 6,
    link: 'cards',
    notes: 'A dedicated PCI zone with its own golden path.',
  },
  {
    category: PA,
    subCategory: 'Compliance',
    title: 'Data residency question for the new data center',
    severity: 'medium',
    cycle: 9,
    link: 'infra',
    notes: 'Legal confirmed the data stays in the country.',
  },
  {
    category: PA,
    subCategory: 'Weak connection to business value',
    title: 'No business metric for onboarding batch jobs',
    severity: 'low',
    cycle: 5,
    notes: 'Measured the hours of manual operations saved per month.',
  },
  {
    category: PA,
    subCategory: 'Weak connection to business value',
    title: 'Leadership asks what the platform delivered this year',
    severity: 'medium',
    cycle: 8,
    notes: 'One-page report: apps in production, lead time before and after, deployments per day.',
  },
  {
    category: PA,
    subCategory: 'Other',
    title: 'Vendor support contract renewal delayed',
    severity: 'medium',
    cycle: 10,
    status: 'mitigating',
    link: 'platform',
    notes: 'Procurement is negotiating; the current contract is extended by a quarter.',
  },
  {
    category: TE,
    subCategory: 'ITSM instead of Platforms',
    title: 'Firewall changes need a ticket and a week’s wait',
    severity: 'high',
    cycle: 0,
    link: 'infra',
    notes: 'Network policies as code, reviewed in the pipeline.',
  },
  {
    category: TE,
    subCategory: 'ITSM instead of Platforms',
    title: 'Environment requests still go through the service desk',
    severity: 'medium',
    cycle: 1,
    link: 'infra',
    notes: 'Self-service spaces created from the developer portal.',
  },
  {
    category: TE,
    subCategory: 'ITSM instead of Platforms',
    title: 'DNS entries created by hand from tickets',
    severity: 'low',
    cycle: 4,
    link: 'infra',
    notes: 'DNS automation in every cluster.',
  },
  {
    category: TE,
    subCategory: 'Overwhelming legacy portfolio',
    title: 'Paused: the app depends on the mainframe connector',
    severity: 'high',
    cycle: 3,
    status: 'mitigating',
    link: 'paused',
    notes: 'Waiting for the mainframe team’s connector; the app stays paused until then.',
  },
  {
    category: TE,
    subCategory: 'Overwhelming legacy portfolio',
    title: 'A third of the eligible apps run on unsupported runtimes',
    severity: 'medium',
    cycle: 5,
    notes: 'Candidates re-scored; runtime upgrades are planned before an app is selected.',
  },
  {
    category: TE,
    subCategory: 'Overwhelming legacy portfolio',
    title: 'App server licences tie apps to old VMs',
    severity: 'medium',
    cycle: 7,
    notes: 'Licences ended with the contract; the apps moved with the Java path.',
  },
  {
    category: TE,
    subCategory: 'Dependencies between teams',
    title: 'Core Banking API change needed before Open Banking can move',
    severity: 'high',
    cycle: 5,
    link: 'open-banking',
    notes: 'Core Banking paired with Open Banking on a facade; Core Banking joined the program later.',
  },
  {
    category: TE,
    subCategory: 'Dependencies between teams',
    title: 'Shared database owned by another team blocks the migration',
    severity: 'high',
    cycle: 6,
    link: 'dropped',
    notes: 'The app was dropped from the program: it is retired next year.',
  },
  {
    category: TE,
    subCategory: 'Dependencies between teams',
    title: 'Identity provider team has a six-week backlog',
    severity: 'medium',
    cycle: 9,
    link: 'data',
    notes: 'The platform now provides single sign-on clients self-service.',
  },
  {
    category: TE,
    subCategory: 'Local optimization, no CI/CD',
    title: 'Treasury builds on a developer’s laptop',
    severity: 'high',
    cycle: 6,
    link: 'treasury',
    notes: 'The golden path pipeline was adopted in the first week.',
  },
  {
    category: TE,
    subCategory: 'Local optimization, no CI/CD',
    title: 'Integration tests run once a week in a shared environment',
    severity: 'medium',
    cycle: 8,
    link: 'core',
    notes: 'Contract tests in the pipeline and short-lived test spaces.',
  },
  {
    category: TE,
    subCategory: 'Local optimization, no CI/CD',
    title: 'Insurance runs its own Jenkins with custom plugins',
    severity: 'medium',
    cycle: 11,
    status: 'open',
    link: 'insurance',
    notes: 'Plan: move one app to the golden path pipeline first and compare.',
  },
  {
    category: TE,
    subCategory: 'Other',
    title: 'Certificate expiry took down staging',
    severity: 'critical',
    cycle: 9,
    link: 'infra',
    notes: 'Certificate rotation is now automated by the platform.',
  },
  {
    category: TE,
    subCategory: 'Other',
    title: 'Container registry storage quota reached',
    severity: 'medium',
    cycle: 10,
    link: 'platform',
    notes: 'A retention policy removes old images.',
  },
  {
    category: TE,
    subCategory: 'Other',
    title: 'Batch scheduler not yet supported for this app',
    severity: 'high',
    cycle: 11,
    status: 'open',
    link: 'cycle-app',
    notes: 'The batch path needs calendar-based triggers; the platform team is adding them.',
  },
];

/** Pairing topics by where the app is on its way to production. */
export const TOPICS = {
  setup: [
    'Buildpack and manifest for the first deploy',
    'Pipeline from the golden path template',
    'Local development with the platform CLI',
    'Wiring secrets from the vault',
    'First deploy to Nimbus (hello world)',
    'Health checks and readiness probes',
    'Service bindings for the database',
  ],
  production: [
    'Logs, metrics and dashboards',
    'Blue/green deployment to production',
    'Production readiness review',
    'Autoscaling and resource limits',
    'Database migration strategy',
    'Load test before go-live',
    'Runbook and on-call hand-over',
  ],
  after: [
    'Retro on the onboarding',
    'Removing the last manual release step',
    'Tuning alerts after go-live',
    'Contributing a fix back to the golden path',
  ],
  infrastructure: [
    'Automated OS repaves',
    'Capacity planning for the next pool',
    'Cluster upgrade runbook',
    'Network policies as code',
    'Infrastructure as code for the new data center',
    'Certificate rotation automation',
  ],
  governance: [
    'Policy as code for change approval',
    'Image scanning thresholds',
    'Audit evidence from the pipeline',
    'PCI zone controls',
    'mTLS between services',
    'Data retention rules as code',
  ],
} as const;

export const SESSION_NOTES: Record<'productive' | 'blocked' | 'follow-up' | 'completed', readonly string[]> =
  {
    productive: [
      'Good progress; the team drove most of the session.',
      'Worked through it together; the team will carry on alone.',
      'Wrote the steps down in the team’s wiki while pairing.',
      '',
    ],
    blocked: [
      'Stuck waiting on a firewall rule.',
      'Blocked on access to the shared test database.',
      'Could not finish: the other team’s API is down in test.',
    ],
    'follow-up': [
      'Needs another session next week.',
      'Half done; follow up after the sprint review.',
      'Team asked for a deeper dive on this.',
    ],
    completed: [
      'Done and merged.',
      'Done; the team demoed it at stand-up.',
      'Finished; nothing left for the platform team.',
    ],
  };

/** Toil statement ids (deck order, 0-based) that are phrased so that agreeing means more toil. */
export const REVERSED_TOIL_ITEMS: ReadonlySet<number> = new Set([5]);

/**
 * Mean agreement (1–5) before onboarding per deck item (0-based index), for statements.
 * Culture is fine in most teams; the toil is in environments, tests, integration and release.
 */
// prettier-ignore
export const TOIL_BEFORE: Readonly<Record<number, number>> = {
  1: 3.4, 2: 2.6, 3: 3.5, 4: 3.2, 5: 3.9, 6: 2.0, 8: 2.2, 9: 2.1, 11: 2.5, 12: 2.2, 13: 2.6, 15: 2.8,
  16: 2.1, 17: 2.0, 19: 2.3, 20: 2.4, 22: 1.7, 23: 2.0, 24: 1.8, 25: 2.4, 26: 2.0,
};

/** Free-text answers to the deck's open questions, before and after onboarding. */
export const TOIL_ANSWERS: Readonly<Record<number, { before: readonly string[]; after: readonly string[] }>> =
  {
    0: {
      before: [
        'Keeping {app} running, and whatever the incident queue brings.',
        '{app} for the {team} business. Mostly maintenance this year.',
        'Not sure anymore: three projects at once.',
      ],
      after: [
        '{app}, and the next features the {team} business asked for.',
        'A better {app}: we ship small changes every week now.',
        '{app}. We know the roadmap for the next two quarters.',
      ],
    },
    7: {
      before: [
        'Getting VPN, JDK and the right Maven settings takes a new joiner two weeks.',
        'Admin rights have to be requested for every install.',
        'The virtual desktop resets every night and loses my setup.',
        'The corporate proxy breaks half of our tools.',
      ],
      after: [
        'The dev container from the golden path works out of the box.',
        'Mostly fine now; the proxy still bites sometimes.',
        'New joiners commit on their first day.',
      ],
    },
    10: {
      before: [
        'We cannot run the app without the shared test database.',
        'Starting locally needs six services and a wiki page of steps.',
        'Mocks are out of date, so we test in the shared environment instead.',
        'It takes twenty minutes to boot everything.',
      ],
      after: [
        'One command starts the app with its dependencies.',
        'Service bindings make it easy; the mainframe stub is still slow.',
        'Fine. We use a personal space on the platform for the rest.',
      ],
    },
    14: {
      before: [
        'We hear about incidents from customers.',
        'Logs are only on the servers; we ask operations to send them.',
        'Releases at night and manual rollbacks.',
        'Nobody knows which version is in production.',
      ],
      after: [
        'Dashboards and alerts come with the golden path.',
        'Rollbacks are one click; we still get paged for the old batch job.',
        'We can see our own logs now.',
      ],
    },
    18: {
      before: [
        'The other team’s test environment is down half the time.',
        'Contract changes arrive without notice.',
        'We wait weeks for firewall rules to another team’s service.',
        'No sandbox for the core banking API.',
      ],
      after: [
        'Contract tests catch most of it; core changes are still slow.',
        'Much better since we pair with the other team.',
        'Service-to-service security is handled by the platform.',
      ],
    },
    21: {
      before: [
        'Merge conflicts on a long-lived release branch.',
        'The build breaks and nobody notices for days.',
        'A code review queue of three days.',
        'Tests are flaky, so we re-run until green.',
      ],
      after: [
        'Trunk-based now; the pipeline answers within ten minutes.',
        'An occasional flaky UI test.',
        'Nothing much, it just works.',
      ],
    },
  };

/** Teams audited before and after onboarding, and whether a third audit a year on exists. */
export const TOIL_AUDITED_TEAMS: readonly { team: string; yearOn?: boolean }[] = [
  { team: 'payments', yearOn: true },
  { team: 'cards' },
  { team: 'lending' },
  { team: 'fraud' },
  { team: 'open-banking' },
  { team: 'treasury' },
  { team: 'core' },
  { team: 'insurance' },
];

export interface StepScript {
  name: string;
  processMinutes: number;
  waitMinutes: number;
  pctCompleteAccurate: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/** The path to production before the platform: tickets, hand-offs and boards. */
export const VSM_BEFORE: readonly StepScript[] = [
  { name: 'Story ready to code', processMinutes: 4 * HOUR, waitMinutes: 3 * DAY, pctCompleteAccurate: 70 },
  {
    name: 'Request a development environment (ticket)',
    processMinutes: 2 * HOUR,
    waitMinutes: 10 * DAY,
    pctCompleteAccurate: 60,
  },
  {
    name: 'Code and unit test',
    processMinutes: 3 * 8 * HOUR,
    waitMinutes: 4 * HOUR,
    pctCompleteAccurate: 85,
  },
  {
    name: 'Manual build and package',
    processMinutes: 4 * HOUR,
    waitMinutes: 2 * DAY,
    pctCompleteAccurate: 75,
  },
  { name: 'QA test cycle', processMinutes: 3 * 8 * HOUR, waitMinutes: 5 * DAY, pctCompleteAccurate: 65 },
  { name: 'Security review', processMinutes: 8 * HOUR, waitMinutes: 8 * DAY, pctCompleteAccurate: 70 },
  {
    name: 'Firewall and load balancer change',
    processMinutes: 2 * HOUR,
    waitMinutes: 7 * DAY,
    pctCompleteAccurate: 80,
  },
  { name: 'Change advisory board', processMinutes: HOUR, waitMinutes: 6 * DAY, pctCompleteAccurate: 90 },
  {
    name: 'Production deploy by operations (weekend window)',
    processMinutes: 6 * HOUR,
    waitMinutes: 4 * DAY,
    pctCompleteAccurate: 85,
  },
];

/** The same path on the golden path: pairing, automation and release on demand. */
export const VSM_AFTER: readonly StepScript[] = [
  { name: 'Story ready to code', processMinutes: 2 * HOUR, waitMinutes: DAY, pctCompleteAccurate: 85 },
  {
    name: 'Code and unit test (pairing)',
    processMinutes: 2 * 8 * HOUR,
    waitMinutes: 2 * HOUR,
    pctCompleteAccurate: 95,
  },
  { name: 'Commit: pipeline build and tests', processMinutes: 15, waitMinutes: 5, pctCompleteAccurate: 97 },
  { name: 'Image scan and policy checks', processMinutes: 10, waitMinutes: 0, pctCompleteAccurate: 98 },
  { name: 'Deploy to staging', processMinutes: 5, waitMinutes: 30, pctCompleteAccurate: 99 },
  { name: 'Automated change record', processMinutes: 2, waitMinutes: HOUR, pctCompleteAccurate: 99 },
  { name: 'Production deploy (blue/green)', processMinutes: 10, waitMinutes: DAY, pctCompleteAccurate: 98 },
  { name: 'Smoke tests and dashboards', processMinutes: 15, waitMinutes: 10, pctCompleteAccurate: 99 },
];

export const TRAININGS: readonly string[] = [
  'Nimbus 101: your first deploy',
  'Golden path workshop',
  'Observability on Nimbus',
  'Writing pipelines that stay green',
  'Secrets and security on Nimbus',
];

export const EXECUTIVE_NOTE = 'Executive sponsor: CIO of Acme Bank.';
