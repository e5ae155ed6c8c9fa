/** The demo provinces: one with districts (before 07/2025), one without (after the reform). */
export interface DemoUnit {
  code: string;
  name: string;
  kind: string;
  place?: string;
  /** prefix of the demo usernames for this unit */
  login: string;
  /** Chức vụ of a deputy head who may sign (user `<login>.pho`), if any. */
  deputy?: string;
  /** Tên cơ quan chủ quản when the default (UBND TỈNH/HUYỆN <place>) is wrong: a city, a quận. */
  governingBody?: string;
  /** An admin of its own (user `<login>.admin`) below the province's: Ba Đình's Phòng declares its own rounds. */
  admin?: boolean;
  children?: DemoUnit[];
}

export const schools = (prefix: string, place: string, list: [string, string, string][]): DemoUnit[] =>
  list.map(([kind, slug, name]) => ({
    code: `${prefix.toUpperCase()}-${slug.toUpperCase()}`,
    name,
    kind,
    place,
    login: `${prefix}.${slug}`,
  }));

export const HUNG_YEN: DemoUnit = {
  code: 'SO-HY',
  name: 'Sở Giáo dục và Đào tạo Hưng Yên',
  kind: 'so',
  place: 'Hưng Yên',
  login: 'hy.so',
  children: [
    {
      code: 'PGD-KC',
      name: 'Phòng Giáo dục và Đào tạo Khoái Châu',
      kind: 'phong',
      place: 'Khoái Châu',
      login: 'kc',
      deputy: 'Phó Trưởng phòng',
      children: schools('kc', 'Khoái Châu', [
        ['truong_mn', 'mn-tan-dan', 'Trường Mầm non Tân Dân'],
        ['truong_mn', 'mn-binh-minh', 'Trường Mầm non Bình Minh'],
        ['truong_mn', 'mn-thi-tran', 'Trường Mầm non Thị trấn Khoái Châu'],
        ['truong_th', 'th-tan-dan', 'Trường Tiểu học Tân Dân'],
        ['truong_th', 'th-dong-tien', 'Trường Tiểu học Đông Tiến'],
        ['truong_th', 'th-ham-tu', 'Trường Tiểu học Hàm Tử'],
        ['truong_th', 'th-thi-tran', 'Trường Tiểu học Thị trấn Khoái Châu'],
        ['truong_thcs', 'thcs-tan-dan', 'Trường THCS Tân Dân'],
        ['truong_thcs', 'thcs-chu-van-an', 'Trường THCS Chu Văn An'],
        ['truong_thcs', 'thcs-dong-ket', 'Trường THCS Đông Kết'],
      ]),
    },
    {
      code: 'PGD-VG',
      name: 'Phòng Giáo dục và Đào tạo Văn Giang',
      kind: 'phong',
      place: 'Văn Giang',
      login: 'vg',
      children: schools('vg', 'Văn Giang', [
        ['truong_mn', 'mn-hoa-sen', 'Trường Mầm non Hoa Sen'],
        ['truong_mn', 'mn-xuan-quan', 'Trường Mầm non Xuân Quan'],
        ['truong_mn', 'mn-phung-cong', 'Trường Mầm non Phụng Công'],
        ['truong_th', 'th-xuan-quan', 'Trường Tiểu học Xuân Quan'],
        ['truong_th', 'th-cuu-cao', 'Trường Tiểu học Cửu Cao'],
        ['truong_th', 'th-long-hung', 'Trường Tiểu học Long Hưng'],
        ['truong_thcs', 'thcs-van-giang', 'Trường THCS Thị trấn Văn Giang'],
        ['truong_thcs', 'thcs-tan-tien', 'Trường THCS Tân Tiến'],
      ]),
    },
    {
      code: 'PGD-KD',
      name: 'Phòng Giáo dục và Đào tạo Kim Động',
      kind: 'phong',
      place: 'Kim Động',
      login: 'kd',
      children: schools('kd', 'Kim Động', [
        ['truong_mn', 'mn-luong-bang', 'Trường Mầm non Lương Bằng'],
        ['truong_mn', 'mn-toan-thang', 'Trường Mầm non Toàn Thắng'],
        ['truong_mn', 'mn-duc-hop', 'Trường Mầm non Đức Hợp'],
        ['truong_th', 'th-luong-bang', 'Trường Tiểu học Lương Bằng'],
        ['truong_th', 'th-nghia-dan', 'Trường Tiểu học Nghĩa Dân'],
        ['truong_th', 'th-phu-thinh', 'Trường Tiểu học Phú Thịnh'],
        ['truong_th', 'th-chinh-nghia', 'Trường Tiểu học Chính Nghĩa'],
        ['truong_thcs', 'thcs-le-quy-don', 'Trường THCS Lê Quý Đôn'],
        ['truong_thcs', 'thcs-toan-thang', 'Trường THCS Toàn Thắng'],
      ]),
    },
  ],
};

/** After 07/2025: no district level; communes compile their schools, upper-secondary schools report to the Sở. */
export const PHU_THO: DemoUnit = {
  code: 'SO-PT',
  name: 'Sở Giáo dục và Đào tạo Phú Thọ',
  kind: 'so',
  place: 'Phú Thọ',
  login: 'pt.so',
  children: [
    {
      code: 'XA-TAN-LAC',
      name: 'UBND xã Tân Lạc',
      kind: 'xa',
      place: 'Tân Lạc',
      login: 'pt.tanlac',
      children: schools('pt.tanlac', 'Tân Lạc', [
        ['truong_mn', 'mn-tan-lac', 'Trường Mầm non Tân Lạc'],
        ['truong_th', 'th-tan-lac', 'Trường Tiểu học Tân Lạc'],
        ['truong_thcs', 'thcs-tan-lac', 'Trường THCS Tân Lạc'],
      ]),
    },
    {
      code: 'XA-MAI-CHAU',
      name: 'UBND xã Mai Châu',
      kind: 'xa',
      place: 'Mai Châu',
      login: 'pt.maichau',
      children: schools('pt.maichau', 'Mai Châu', [
        ['truong_mn', 'mn-mai-chau', 'Trường Mầm non Mai Châu'],
        ['truong_th', 'th-mai-chau', 'Trường Tiểu học Mai Châu'],
        ['truong_thcs', 'thcs-mai-chau', 'Trường THCS Mai Châu'],
      ]),
    },
    ...schools('pt', 'Phú Thọ', [
      ['truong_thpt', 'thpt-hung-vuong', 'Trường THPT Chuyên Hùng Vương'],
      ['truong_thpt', 'thpt-cong-nghiep', 'Trường THPT Công Nghiệp'],
    ]),
  ],
};

export const DEMO_PASSWORD = 'Demo@2026!';

