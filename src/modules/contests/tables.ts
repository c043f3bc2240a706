import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

// Column types of migrations/0018_contests.sql, merged into the application's Database.
export interface ContestTable {
  id: string;
  title: string;
  rules: Generated<string>;
  state: Generated<'draft' | 'submissions' | 'review' | 'voting' | 'closed' | 'published'>;
  submissions_open: Timestamp;
  submissions_close: Timestamp;
  review_open: Timestamp;
  review_close: Timestamp;
  voting_open: Timestamp;
  voting_close: Timestamp;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContestDirectionTable {
  contest_id: string;
  code: string;
  title: string;
}

export interface ContestNominationTable {
  contest_id: string;
  id: string;
  direction_code: string;
  title: string;
  position: number;
  topic_code: string | null;
  topic_count: number | null;
  topic_share: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ContestCriterionTable {
  contest_id: string;
  code: string;
  title: string;
  weight: number;
  max_score: Generated<number>;
}

export interface ContestPracticeTable {
  contest_id: string;
  id: string;
  nomination_id: string;
  submitted_by: string | null;
  submitter_kind: 'regional_team' | 'organisation' | 'ngo' | 'business';
  organisation_id: number | null;
  region_code: string;
  title: string;
  problem: Generated<string>;
  solution: Generated<string>;
  results: Generated<string>;
  result_figures: Json;
  period_from: string | null;
  period_to: string | null;
  works_at: ColumnType<string[], string[] | undefined, string[]>;
  contacts: Generated<string>;
  status: Generated<'draft' | 'submitted' | 'admitted' | 'rejected'>;
  moderation_reason: string | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  shortlisted: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContestPracticeFileTable {
  id: Generated<number>;
  contest_id: string;
  practice_id: string;
  name: string;
  media_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  content: Buffer;
  sha256: string;
  created_at: Generated<Date>;
}

export interface ContestExpertProfileTable {
  user_id: string;
  region_code: string;
  organisation_id: number | null;
}

export interface ContestExpertConflictTable {
  contest_id: string;
  practice_id: string;
  expert_user_id: string;
  reason: string;
  declared_at: Generated<Date>;
}

export interface ContestScoreTable {
  contest_id: string;
  practice_id: string;
  expert_user_id: string;
  criterion_code: string;
  score: number;
  comment: string | null;
  scored_at: Generated<Date>;
}

export interface ContestSecretTable {
  contest_id: string;
  voter_key: string;
}

export interface ContestBallotTable {
  contest_id: string;
  nomination_id: string;
  voter_hash: string;
}

export interface ContestVoteLogTable {
  contest_id: string;
  seq: number;
  nomination_id: string | null;
  practice_id: string | null;
  voter_region: string | null;
  receipt: string | null;
  annuls: number | null;
  reason: string | null;
  prev: string;
  hash: string;
  day: string;
}

export interface ContestLogHeadTable {
  contest_id: string;
  seq: Generated<number>;
  hash: Generated<string>;
}

export interface ContestCheckpointTable {
  contest_id: string;
  seq: number;
  hash: string;
  at: Timestamp;
}

declare module '../../platform/db/database.js' {
  interface Database {
    contest: ContestTable;
    contest_direction: ContestDirectionTable;
    contest_nomination: ContestNominationTable;
    contest_criterion: ContestCriterionTable;
    contest_practice: ContestPracticeTable;
    contest_practice_file: ContestPracticeFileTable;
    contest_expert_profile: ContestExpertProfileTable;
    contest_expert_conflict: ContestExpertConflictTable;
    contest_score: ContestScoreTable;
    contest_secret: ContestSecretTable;
    contest_ballot: ContestBallotTable;
    contest_vote_log: ContestVoteLogTable;
    contest_log_head: ContestLogHeadTable;
    contest_checkpoint: ContestCheckpointTable;
  }
}
