/**
 * The demo trees of the other provincial plans (shared/seeds), each shaped as its plan describes
 * the units that report, with the unit names the plans give and a realistic handful of schools:
 * Gia Lai (Phòng-based and Sở-direct units mixed), An Giang, Hòa Bình (before 07/2025, when it had
 * districts) and Hà Nội's Ba Đình, whose rounds are rooted at the Phòng. Their regimes are the
 * shipped files in regimes/plans.
 */
import { type DemoUnit, schools } from './demo-data.js';

export const GIA_LAI: DemoUnit = {
  code: 'SO-GL',
  name: 'Sở Giáo dục và Đào tạo Gia Lai',
  kind: 'so',
  place: 'Gia Lai',
  login: 'gl.so',
  deputy: 'Phó Giám đốc',
  children: [
    {
      code: 'PGD-PLEIKU',
      governingBody: 'UBND THÀNH PHỐ PLEIKU',
      name: 'Phòng Giáo dục và Đào tạo thành phố Pleiku',
      kind: 'phong',
      place: 'Pleiku',
      login: 'gl.pleiku',
      children: schools('gl.pleiku', 'Pleiku', [
        ['truong_mn', 'mn-hoa-hong', 'Trường Mầm non Hoa Hồng'],
        ['truong_th', 'th-le-van-tam', 'Trường Tiểu học Lê Văn Tám'],
        ['truong_thcs', 'thcs-nguyen-du', 'Trường THCS Nguyễn Du'],
      ]),
    },
    {
      code: 'PGD-CHU-SE',
      name: 'Phòng Giáo dục và Đào tạo huyện Chư Sê',
      kind: 'phong',
      place: 'Chư Sê',
      login: 'gl.chuse',
      children: schools('gl.chuse', 'Chư Sê', [
        ['truong_mn', 'mn-hoa-mi', 'Trường Mầm non Họa Mi'],
        ['truong_th', 'th-kim-dong', 'Trường Tiểu học Kim Đồng'],
        ['truong_thcs', 'thcs-chu-van-an', 'Trường THCS Chu Văn An'],
      ]),
    },
    // "Các đơn vị trực thuộc Sở": upper-secondary schools report straight to the Sở.
    ...schools('gl', 'Gia Lai', [
      ['truong_thpt', 'thpt-hung-vuong', 'Trường THPT Chuyên Hùng Vương'],
      ['truong_thpt', 'thpt-pleiku', 'Trường THPT Pleiku'],
    ]),
  ],
};

export const AN_GIANG: DemoUnit = {
  code: 'SO-AG',
  name: 'Sở Giáo dục và Đào tạo An Giang',
  kind: 'so',
  place: 'An Giang',
  login: 'ag.so',
  children: [
    {
      code: 'PGD-LONG-XUYEN',
      governingBody: 'UBND THÀNH PHỐ LONG XUYÊN',
      name: 'Phòng Giáo dục và Đào tạo thành phố Long Xuyên',
      kind: 'phong',
      place: 'Long Xuyên',
      login: 'ag.longxuyen',
      children: schools('ag.longxuyen', 'Long Xuyên', [
        ['truong_mn', 'mn-tuoi-tho', 'Trường Mầm non Tuổi Thơ'],
        ['truong_th', 'th-le-quy-don', 'Trường Tiểu học Lê Quý Đôn'],
        ['truong_thcs', 'thcs-nguyen-hue', 'Trường THCS Nguyễn Huệ'],
      ]),
    },
    {
      code: 'PGD-CHAU-DOC',
      governingBody: 'UBND THÀNH PHỐ CHÂU ĐỐC',
      name: 'Phòng Giáo dục và Đào tạo thành phố Châu Đốc',
      kind: 'phong',
      place: 'Châu Đốc',
      login: 'ag.chaudoc',
      children: schools('ag.chaudoc', 'Châu Đốc', [
        ['truong_mn', 'mn-vinh-my', 'Trường Mầm non Vĩnh Mỹ'],
        ['truong_th', 'th-chau-phu-a', 'Trường Tiểu học Châu Phú A'],
        ['truong_thcs', 'thcs-thu-khoa-nghia', 'Trường THCS Thủ Khoa Nghĩa'],
      ]),
    },
  ],
};

/** Hòa Bình as its 2024 plan knew it: Phòng GD&ĐT of each huyện and the city (merged into Phú Thọ in 07/2025). */
export const HOA_BINH: DemoUnit = {
  code: 'SO-HB',
  name: 'Sở Giáo dục và Đào tạo Hòa Bình',
  kind: 'so',
  place: 'Hòa Bình',
  login: 'hb.so',
  children: [
    {
      code: 'PGD-TP-HOA-BINH',
      governingBody: 'UBND THÀNH PHỐ HÒA BÌNH',
      name: 'Phòng Giáo dục và Đào tạo thành phố Hòa Bình',
      kind: 'phong',
      place: 'Hòa Bình',
      login: 'hb.tphb',
      children: schools('hb.tphb', 'Hòa Bình', [
        ['truong_mn', 'mn-hoa-ban', 'Trường Mầm non Hoa Ban'],
        ['truong_th', 'th-phuong-lam', 'Trường Tiểu học Phương Lâm'],
        ['truong_thcs', 'thcs-huu-nghi', 'Trường THCS Hữu Nghị'],
      ]),
    },
    {
      code: 'PGD-LAC-SON',
      name: 'Phòng Giáo dục và Đào tạo huyện Lạc Sơn',
      kind: 'phong',
      place: 'Lạc Sơn',
      login: 'hb.lacson',
      children: schools('hb.lacson', 'Lạc Sơn', [
        ['truong_mn', 'mn-vu-ban', 'Trường Mầm non Vụ Bản'],
        ['truong_th', 'th-vu-ban', 'Trường Tiểu học Vụ Bản'],
        ['truong_thcs', 'thcs-vu-ban', 'Trường THCS Vụ Bản'],
      ]),
    },
  ],
};

/** Hà Nội's Sở with Ba Đình's Phòng, which plans and opens its own district rounds (its own admin). */
export const HA_NOI: DemoUnit = {
  code: 'SO-HN',
  governingBody: 'UBND THÀNH PHỐ HÀ NỘI',
  name: 'Sở Giáo dục và Đào tạo Hà Nội',
  kind: 'so',
  place: 'Hà Nội',
  login: 'hn.so',
  children: [
    {
      code: 'PGD-BD',
      governingBody: 'UBND QUẬN BA ĐÌNH',
      name: 'Phòng Giáo dục và Đào tạo quận Ba Đình',
      kind: 'phong',
      place: 'Ba Đình',
      login: 'bd',
      admin: true,
      deputy: 'Phó Trưởng phòng',
      children: schools('bd', 'Ba Đình', [
        ['truong_mn', 'mn-ngoc-ha', 'Trường Mầm non Ngọc Hà'],
        ['truong_mn', 'mn-hoa-sen', 'Trường Mầm non Hoa Sen'],
        ['truong_th', 'th-ngoc-ha', 'Trường Tiểu học Ngọc Hà'],
        ['truong_th', 'th-nguyen-trung-truc', 'Trường Tiểu học Nguyễn Trung Trực'],
        ['truong_thcs', 'thcs-giang-vo', 'Trường THCS Giảng Võ'],
        ['truong_thcs', 'thcs-phan-chu-trinh', 'Trường THCS Phan Chu Trinh'],
      ]),
    },
  ],
};
