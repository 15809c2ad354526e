# Written by hand (Django has no operation for these): RunSQL, as teams add triggers and
# row-level security to a Django app.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('chat', '0005_callsession_provider_call_id'),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE FUNCTION chat_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$",
                "CREATE TRIGGER chat_callsession_touch BEFORE UPDATE ON chat_callsession FOR EACH ROW EXECUTE FUNCTION chat_touch_updated_at()",
                "ALTER TABLE chat_callsession ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY chat_callsession_participants ON chat_callsession USING (current_setting('app.user_id', true) IN (caller_id::text, receiver_id::text))",
            ],
            reverse_sql=[
                "DROP POLICY chat_callsession_participants ON chat_callsession",
                "ALTER TABLE chat_callsession DISABLE ROW LEVEL SECURITY",
                "DROP TRIGGER chat_callsession_touch ON chat_callsession",
                "DROP FUNCTION chat_touch_updated_at()",
            ],
        ),
    ]
