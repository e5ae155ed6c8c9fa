/** Dữ liệu mẫu (tất định) cho biểu mẫu bdg-vstbpn-dinh-ky: dùng trong bench và kiểm thử. */
export function dinhKySubmission(i: number): Record<string, unknown> {
  const tong = 20 + (i % 80);
  const nu = Math.floor(tong * 0.7) - (i % 5);
  const pct = (a: number, b: number) => (b === 0 ? null : (a / b) * 100);
  const cbql = 2 + (i % 3);
  const nuCbql = i % 3;
  const qh = 3 + (i % 4);
  const nuQh = 1 + (i % 3);
  const sdh = i % 7;
  const nuSdh = Math.floor(sdh / 2);
  const dv = 5 + (i % 10);
  const nuDv = 3 + (i % 5);
  const vu = i % 4 === 0 ? 1 : 0;
  return {
    vanBan: { soVanBan: String(1 + (i % 200)), ngayBanHanh: '2024-05-08', nguoiKy: 'Nguyễn Thị Hoa' },
    nhanSu: {
      tongSoCBGVNV: tong,
      soNuCBGVNV: nu,
      tyLeNuCBGVNV: pct(nu, tong),
      tongSoCBQL: cbql,
      soNuCBQL: nuCbql,
      tyLeNuCBQL: pct(nuCbql, cbql),
      tongSoQuyHoach: qh,
      soNuQuyHoach: nuQh,
      tyLeNuQuyHoach: pct(nuQh, qh),
      tongSoSauDaiHoc: sdh,
      soNuSauDaiHoc: nuSdh,
      tyLeNuSauDaiHoc: pct(nuSdh, sdh),
      tongSoDangVien: dv,
      soNuDangVien: nuDv,
      tyLeNuDangVien: pct(nuDv, dv),
    },
    thangHanhDong: {
      coKeHoach: i % 10 !== 0,
      hoatDong: [
        { hinhThuc: 'Tuyên truyền, truyền thông', soHoatDong: 2, soNguoiThamGia: tong, soNuThamGia: nu, tyLeNuThamGia: pct(nu, tong) },
        { hinhThuc: 'Hội thi, hội diễn', soHoatDong: 1, soNguoiThamGia: 30 + (i % 20), soNuThamGia: 20, tyLeNuThamGia: pct(20, 30 + (i % 20)) },
      ],
      moTa: `Trường đã treo băng rôn, tổ chức tuyên truyền dưới cờ về chủ đề Tháng hành động (${i}).`,
    },
    phongChongBaoLuc: { niemYetDuongDayNong: i % 3 !== 0, soVuViec: vu, soVuViecDaXuLy: vu, tyLeXuLy: pct(vu, vu) },
    toChuc: { daThanhLapBanVSTBPN: i % 2 === 0, soThanhVienBan: 3 + (i % 3) },
    danhGia: {
      ketQuaNoiBat: 'Tỷ lệ nữ CBQL tăng so với cùng kỳ; 100% CB-GV-NV được tuyên truyền Luật Bình đẳng giới.',
      khoKhan: i % 2 ? 'Kinh phí hạn chế.' : '',
      deXuat: 'Đề nghị tập huấn kỹ năng lồng ghép giới.',
    },
  };
}
