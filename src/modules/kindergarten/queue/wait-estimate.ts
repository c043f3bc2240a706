/**
 * Expected waiting time, by a deliberately simple stated method (the forecast issue may improve it):
 * over the last `windowMonths`, count the children of the same municipality × age group queue who got
 * a place (placed per month) and the children who came in ahead of this child's class (arrivals per
 * month). The queue in front moves by (placed − arrivals) a month; the child needs `position` places
 * to be handed out in front of and including it. No movement → no estimate. Never before the desired date.
 */
export interface WaitInput {
  position: number;
  placedInWindow: number;
  arrivalsAheadInWindow: number;
  windowMonths: number;
  today: string;
  desiredDate: string;
}

export interface WaitEstimate {
  months: number | null;
  expectedDate: string | null;
  placedPerMonth: number;
  higherPriorityArrivalsPerMonth: number;
  methodRu: string;
  methodEn: string;
}

const METHOD_RU =
  'Оценка по истории за последние 12 месяцев: сколько детей этой возрастной группы в месяц получали место, минус сколько в месяц вставали в очередь впереди с более высоким правом. Ваше место делится на эту скорость; оценка не раньше желаемой даты.';
const METHOD_EN =
  'Estimated from the last 12 months: children of this age group offered a place per month, minus children joining ahead with a higher right per month. Your position is divided by that speed; never before your desired date.';

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const whole = Math.floor(months);
  d.setUTCMonth(d.getUTCMonth() + whole);
  d.setUTCDate(d.getUTCDate() + Math.round((months - whole) * 30));
  return d.toISOString().slice(0, 10);
}

export function estimateWait(input: WaitInput): WaitEstimate {
  const window = Math.max(1, input.windowMonths);
  const placedPerMonth = input.placedInWindow / window;
  const arrivals = input.arrivalsAheadInWindow / window;
  const speed = placedPerMonth - arrivals;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  if (speed <= 0 || input.position < 1) {
    return {
      months: null,
      expectedDate: null,
      placedPerMonth: round1(placedPerMonth),
      higherPriorityArrivalsPerMonth: round1(arrivals),
      methodRu: METHOD_RU,
      methodEn: METHOD_EN,
    };
  }
  // Whole months: a tenth of a month («38.8») claims a precision the method does not have.
  const months = Math.max(1, Math.round(input.position / speed));
  const byQueue = addMonths(input.today, months);
  return {
    months,
    expectedDate: byQueue < input.desiredDate ? input.desiredDate : byQueue,
    placedPerMonth: round1(placedPerMonth),
    higherPriorityArrivalsPerMonth: round1(arrivals),
    methodRu: METHOD_RU,
    methodEn: METHOD_EN,
  };
}
