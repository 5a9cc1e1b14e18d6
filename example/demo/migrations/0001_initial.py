from django.db import migrations, models


def add_greetings(apps, schema_editor):
    Greeting = apps.get_model("demo", "Greeting")
    Greeting.objects.bulk_create(Greeting(text=f"Hello number {n}") for n in range(1, 21))


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Greeting",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=100)),
            ],
        ),
        migrations.RunPython(add_greetings, migrations.RunPython.noop),
    ]
