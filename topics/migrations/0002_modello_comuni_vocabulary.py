"""The 64 topics (*argomenti*) of the Modello Comuni controlled vocabulary, and who may edit
them.

Source of the names: AgID's site validator, italia/pa-website-validator-ng (release 1.1.38,
commit bb31fe9), src/audits/municipality_vocabulary/controlledVocabulary.ts,
``municipalityModelVocabulary``: audit C.SI.1.5 compares the names on the site's "all
topics" page with this list (case-insensitive). Copied verbatim; the descriptions are left to
the editors.

Moderatori add, change and delete topics; Redazione only chooses them on pages (Wagtail's
snippet chooser asks for no permission) and may view the list.
"""

from django.db import migrations
from django.utils.text import slugify

MODELLO_COMUNI_TOPICS = [
    "Accesso all'informazione",
    "Acqua",
    "Agricoltura",
    "Anagrafe",
    "Animale domestico",
    "Aria",
    "Assistenza agli invalidi",
    "Assistenza sociale",
    "Associazioni",
    "Bilancio",
    "Commercio al minuto",
    "Commercio all'ingrosso",
    "Commercio ambulante",
    "Comunicazione istituzionale",
    "Comunicazione politica",
    "Concorsi",
    "Covid-19",
    "Elezioni",
    "Energie rinnovabili",
    "Estero",
    "Foreste",
    "Formazione professionale",
    "Gemellaggi",
    "Gestione rifiuti",
    "Giustizia",
    "Igiene pubblica",
    "Immigrazione",
    "Imposte",
    "Imprese",
    "Inquinamento",
    "Integrazione sociale",
    "Isolamento termico",
    "Istruzione",
    "Lavoro",
    "Matrimonio",
    "Mercato",
    "Mobilità sostenibile",
    "Morte",
    "Nascita",
    "Parcheggi",
    "Patrimonio culturale",
    "Pesca",
    "Piano di sviluppo",
    "Pista ciclabile",
    "PNRR",
    "Politica commerciale",
    "Polizia",
    "Prodotti alimentari",
    "Protezione civile",
    "Residenza",
    "Risposta alle emergenze",
    "Sistema giuridico",
    "Spazio Verde",
    "Sport",
    "Sviluppo sostenibile",
    "Tassa sui servizi",
    "Tempo libero",
    "Trasparenza amministrativa",
    "Trasporto pubblico",
    "Turismo",
    "Urbanizzazione",
    "Viaggi",
    "Zone pedonali",
    "ZTL",
]

PERMISSIONS = {
    "Redazione": ["view"],
    "Moderatori": ["add", "change", "delete", "view"],
}


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    for name in MODELLO_COMUNI_TOPICS:
        if not Topic.objects.filter(name=name).exists():
            Topic.objects.create(name=name, slug=slugify(name))


def grant_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="topics", model="topic")
    for group_name, actions in PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_topic",
                defaults={"name": f"Can {action} topic"},
            )
            group.permissions.add(permission)


def remove_topics(apps, schema_editor):
    apps.get_model("topics", "Topic").objects.filter(name__in=MODELLO_COMUNI_TOPICS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0001_initial"),
        ("cms", "0002_editorial_setup"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_topics, remove_topics),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
