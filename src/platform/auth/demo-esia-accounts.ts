/**
 * Citizens known to the embedded demo OpenID provider (standing in for ЕСИА/Госуслуги).
 * The demo seed gives some of them applications so a newcomer sees a real account.
 */
export interface DemoEsiaAccount {
  sub: string;
  lastName: string;
  firstName: string;
  middleName: string;
  email: string;
  phone: string;
  birthdate: string;
  description: string;
  /** The children ЕСИА knows for this citizen (returned with the `children` scope). */
  children?: readonly DemoEsiaChild[];
}

/** A child as ЕСИА returns it: birth date DD.MM.YYYY, the birth certificate's series and number. */
export interface DemoEsiaChild {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  gender: 'M' | 'F';
  snils?: string;
  birthCert: { series: string; number: string };
}

export const DEMO_ESIA_ACCOUNTS: readonly DemoEsiaAccount[] = [
  {
    sub: 'esia-1000001',
    lastName: 'Смирнова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
    email: 'anna.smirnova@example.ru',
    phone: '+7 900 100-00-01',
    birthdate: '1993-04-12',
    description: 'мама, заявление в очереди',
  },
  {
    sub: 'esia-1000002',
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    middleName: 'Игоревич',
    email: 'd.kuznetsov@example.ru',
    phone: '+7 900 100-00-02',
    birthdate: '1989-11-03',
    description: 'папа, заявление с льготой на проверке',
  },
  {
    sub: 'esia-1000003',
    lastName: 'Попова',
    firstName: 'Екатерина',
    middleName: 'Андреевна',
    email: 'e.popova@example.ru',
    phone: '+7 900 100-00-03',
    birthdate: '1995-07-21',
    description: 'мама, ребёнок уже ходит в детский сад',
  },
  {
    sub: 'esia-1000004',
    lastName: 'Васильев',
    firstName: 'Артём',
    middleName: 'Олегович',
    email: 'a.vasiliev@example.ru',
    phone: '+7 900 100-00-04',
    birthdate: '1991-01-30',
    description: 'папа, двое детей в Госуслугах, заявлений пока нет',
    children: [
      {
        lastName: 'Васильева',
        firstName: 'Алиса',
        middleName: 'Артёмовна',
        birthDate: '14.05.2016',
        gender: 'F',
        snils: '112-233-445 95',
        birthCert: { series: 'II-ИР', number: '512345' },
      },
      {
        lastName: 'Васильев',
        firstName: 'Тимофей',
        middleName: 'Артёмович',
        birthDate: '03.02.2022',
        gender: 'M',
        birthCert: { series: 'III-ИР', number: '623456' },
      },
    ],
  },
];
