/** A complete, valid Khoái Châu 2016–2020 report (copied from backend/src/test-support/khoai-chau-data.ts). */
export function khoaiChauReport(school: string, n: { total: number; women: number; managers: number; womenManagers: number }) {
  return {
    vanBan: { soVanBan: '12', ngayBanHanh: '2020-05-10', nguoiKy: `Hiệu trưởng ${school}` },
    I: {
      khaiQuat: `${school} có ${n.total} cán bộ, giáo viên, nhân viên.`,
      tongSoCBGVNV: n.total,
      soNu: n.women,
      soCBQL: n.managers,
      soNuCBQL: n.womenManagers,
    },
    II: {
      chiTieuDuocGiao: [
        { maChiTieu: 'CT1', noiDung: 'Tỷ lệ nữ cán bộ quản lý đạt 30%', vaiTro: 'Chủ trì' },
        { maChiTieu: 'CT2', noiDung: 'Tuyên truyền về bình đẳng giới', vaiTro: 'Phối hợp' },
      ],
      ketQuaThucHien: {
        ketQuaChiTieu: [
          { maChiTieu: 'CT1', keHoach: 10, ketQua: n.womenManagers, moTa: `${school}: đã thực hiện` },
          { maChiTieu: 'CT2', keHoach: 4, ketQua: 4 },
        ],
        danhGiaTyLe: { tongSoChiTieu: 2, soChiTieuDat: 1, nhanXet: 'Đạt một phần' },
        khoKhan: `Khó khăn của ${school}`,
      },
      deXuatKienNghi: { voiBanVSTBPN: `Đề xuất của ${school}` },
    },
    III: { vanDeTrongTam: `Trọng tâm của ${school}` },
  };
}
