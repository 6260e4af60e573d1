import { describe, expect, it } from 'vitest';
import { reminderText } from '../../../domain/reminders/messages';
import { sesSendEmailRequest } from '../../../functions/notify/ses';

const TITLE = 'Phong trào thi đua cải cách hành chính hằng năm giai đoạn 2021-2025';

describe('reminder texts (Vietnamese, NFC, dd/mm/yyyy)', () => {
  it('registration, a week ahead: the deadline, the days left and what is missing', () => {
    const { subject, text } = reminderText({
      deadline: 'registration',
      dueDate: '2026-03-30',
      day: '2026-03-23',
      year: 2026,
      campaignTitle: TITLE,
      recipientName: 'Nguyễn Văn A',
      items: [{ kind: 'department', name: 'Phòng Quy hoạch' }, { kind: 'own' }],
    });
    expect(subject).toBe('Nhắc việc: hạn đăng ký thi đua năm 2026 là 30/03/2026');
    expect(text).toContain('Kính gửi ông/bà Nguyễn Văn A,');
    expect(text).toContain(`Hạn đăng ký thi đua năm 2026 của phong trào "${TITLE}" là ngày 30/03/2026 (còn 7 ngày).`);
    expect(text).toContain('Đến ngày 23/03/2026, hệ thống chưa ghi nhận:\n- bản đăng ký thi đua của cá nhân ông/bà;\n- bản đăng ký thi đua của tập thể Phòng Quy hoạch;');
    expect(subject.normalize('NFC')).toBe(subject);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('appraisal on its last day lists the sheets to appraise', () => {
    const { subject, text } = reminderText({
      deadline: 'appraisal',
      dueDate: '2025-12-20',
      day: '2025-12-20',
      year: 2025,
      campaignTitle: TITLE,
      recipientName: 'Trần Thị B',
      items: [{ kind: 'appraisal', name: 'Phòng A' }],
    });
    expect(subject).toBe('Nhắc việc: hạn thẩm định kết quả tự chấm điểm năm 2025 là 20/12/2025');
    expect(text).toContain('(hôm nay là ngày cuối)');
    expect(text).toContain('- ý kiến thẩm định đối với bản tự chấm điểm của Phòng A;');
  });

  it('an SES request carries the sender, the address and UTF-8 text', () => {
    expect(sesSendEmailRequest('nhacviec@bqlkkt.gov.vn', { to: 'a@bqlkkt.gov.vn', subject: 'Nhắc việc', text: 'Kính gửi' })).toEqual({
      FromEmailAddress: 'nhacviec@bqlkkt.gov.vn',
      Destination: { ToAddresses: ['a@bqlkkt.gov.vn'] },
      Content: { Simple: { Subject: { Data: 'Nhắc việc', Charset: 'UTF-8' }, Body: { Text: { Data: 'Kính gửi', Charset: 'UTF-8' } } } },
    });
  });
});
